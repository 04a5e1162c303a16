import { launchChromium, watchContext } from './test/helpers/browser.ts';
import { serveStatic } from './test/helpers/serve.ts';
const site = process.argv[2]!;
const pages = process.argv.slice(3);
const server = await serveStatic(site);
const browser = await launchChromium();
for (const [w, h] of [[390, 844], [1280, 800]]) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
    const watch = watchContext(context);
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(`${server.origin}${p}`);
      await page.waitForLoadState('load');
      const images = await page.evaluate(() => [...document.images].map((i) => `${i.currentSrc.replace(location.origin, '')} ${i.naturalWidth}x${i.naturalHeight} shown ${i.width}x${i.height}`));
      const name = `/tmp/handbook-shots/${p.replace(/\//g, '_') || 'home'}-${w}-${scheme}.png`;
      await page.screenshot({ path: name, fullPage: true });
      console.log(name, images.join(' | '));
    }
    if (watch.cspViolations.length) console.log('CSP', watch.cspViolations);
    await context.close();
  }
}
await browser.close();
await server.close();
