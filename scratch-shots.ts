import { launchChromium } from './test/helpers/browser.ts';
import { serveStatic } from './test/helpers/serve.ts';
const server = await serveStatic('/tmp/corvane-out');
const browser = await launchChromium();
const errors: string[] = [];
for (const [w, h] of [[390, 844], [1280, 800]]) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error' || /Content.Security/i.test(m.text())) errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    for (const [name, url] of [['role-dd', '/roles/divisional-director/'], ['plan', '/plan/?role=divisional-director&from=senior-manager'], ['levels', '/competencies/levels/'], ['roles', '/roles/'], ['guide', '/guide/sequencing-the-ecosystem/']]) {
      await page.goto(`${server.origin}${url}`);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/roles-shots/${name}-${w}-${scheme}.png`, fullPage: true });
    }
    await context.close();
  }
}
console.log(errors);
await browser.close(); await server.close();
