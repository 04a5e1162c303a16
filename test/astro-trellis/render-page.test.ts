// If this breaks, a script, an event handler or a `javascript:` link that an author typed as
// raw HTML reaches readers' browsers (with only the Content-Security-Policy in the way), or the
// safe HTML authors rely on (`<details>`, `<kbd>`, images, tables) and Trellis's own diagrams,
// references and heading ids come out changed.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBody } from '../../plugins/astro-trellis/lib/render-page.ts';
import { setTrellisState, type TrellisState } from '../../plugins/astro-trellis/lib/state.ts';
import { loadPlaybook, type SiteEdition, siteEdition } from '../../plugins/playbook/index.ts';
import { projectRoot } from '../helpers/build-site.ts';

const content = path.join(projectRoot, 'test/checker/fixtures/unsafe-html/content');
const fonts = ['inter-latin-wght-normal.woff2', 'inter-latin-ext-wght-normal.woff2'].map((name) => path.join(projectRoot, 'public/fonts', name));
const figure = /<figure[\s\S]*?<\/figure>/;
let site: SiteEdition;

beforeAll(() => {
  // The renderer reads only the diagram fonts, the content folder and the files pages use from the integration's state.
  setTrellisState({ diagramFonts: fonts, settings: { contentDir: content, allow: { images: [], frames: [] } }, dev: false } as unknown as TrellisState);
  site = siteEdition(loadPlaybook(content).playbook.editions[0]!, { audience: 'all', includeDrafts: false, base: '/' });
});

/** Kept as written, apart from what the HTML parser normalises (`<tbody>`, quoted attributes). */
const whatStays = `<h2 id="what-stays-kept">What stays <sup>kept</sup></h2>
<details><summary>Open me</summary>
<p>Hidden <strong>Markdown</strong> inside.</p>
</details>
<p>Press <kbd>Ctrl</kbd> and <kbd>K</kbd> to find <a href="/competencies/risk-judgement/" class="ref ref-competency">Risk judgement</a><sup>1</sup>,<br>then read on.</p>
<div align="center">
<img src="/internal/logo.png" alt="Logo" width="120" height="40">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="Dot">
</div>
<p><a href="https://example.org/guide">A web page</a>, <a href="/">home</a> and <a href="mailto:lab@example.org">mail</a>.</p>
<table>
<tbody><tr><th>Step</th><td>One</td></tr>
</tbody></table>
<div align="center">
<figure/>
</div>`;

/** Each payload of the fixture, left without its script, handler, URL or element. */
const whatGoes = `<h2 id="what-goes">What goes</h2>
<img src="/internal/broken.svg" width="40" height="40" alt="Broken">
<img src="/internal/broken.svg" width="40" height="40" alt="Unquoted">
<details open><summary>Toggle</summary>Opened</details>
<p>Cover</p>
<p>Inline  drawing.</p>
<p><a>lower case</a>,
<a>mixed case</a>,
<a>entity</a>,
<a>tab</a>,
<a>vbscript</a>,
<a>data</a>.</p>
<p><a>Markdown</a>, <a>entity</a>, <a>JavaScript:window.__pwned='autolink'</a>, <a>reference</a> and <img alt="picture">.</p>
Send
<p>Fallback text</p>
<p><p title="</noscript><img src=x onerror=window.__pwned=&#x27;noscript&#x27;>">Quiet</p></p>
<p><a href="https://example.org/">New tab</a>, <code class="language-js">code</code> and <q>quoted</q>.</p>
<p>A stray cell in a sentence.</p>`;

describe('the renderer', () => {
  it('removes what the author wrote that could run or send readers away, and keeps safe raw HTML', async () => {
    const html = await renderBody(site.page('internal/raw-html')!, site, true);
    // Blank lines stand where removed HTML stood; they change nothing on the page.
    const [stays, goes] = html.trim().replace(figure, '<figure/>').replace(/\n{2,}/g, '\n').split(/\n(?=<h2 id="what-goes")/);
    expect(stays).toBe(whatStays);
    expect(goes).toBe(whatGoes);
  });

  it('leaves a diagram inside raw HTML exactly as it draws it anywhere else', async () => {
    const inRawHtml = figure.exec(await renderBody(site.page('internal/raw-html')!, site, true))?.[0];
    const onItsOwn = figure.exec(await renderBody(site.page('index')!, site, true))?.[0];
    expect(inRawHtml).toContain('<svg');
    expect(inRawHtml).toBe(onItsOwn);
  });

  it('sanitises HTML written as JSX in `.mdx` the same way, Markdown inside it untouched', async () => {
    expect(await renderBody(site.page('internal/jsx-html')!, site, true)).toBe(`<details open><summary>JSX details</summary>Opened as JSX.</details>
<img src="/internal/broken.svg" alt="JSX image" width="40" height="40">
<p>A <a>JSX link</a> and <b>a cover</b>.</p>


<div align="center">
<p>Markdown <em>inside</em>, about <a href="/competencies/risk-judgement/" class="ref ref-competency">Risk judgement</a>.</p>
</div>`);
  });

  it('sanitises a competency body the same way', async () => {
    expect(await renderBody(site.competency('risk-judgement')!, site, true)).toBe('<p>What risk judgement looks like in practice, <b>boldly</b>.</p>');
  });
});
