// If this breaks, an author who types a script, an event handler, a `javascript:` link, a
// frame or a redirect into a page is no longer told, on the line they wrote it, that the site
// leaves it out and why, or is told about something the page in fact keeps.
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { htmlPolicy, sanitiseAuthorHtml, unsafeAuthorHtml } from '../../plugins/playbook/index.ts';
import { shownFixture } from './helpers.ts';

describe('unsafe-html', () => {
  it('warns at each script, handler, unsafe URL, frame, form, redirect and style the page loses, in raw HTML and in JSX', () => {
    expect(shownFixture('unsafe-html')).toEqual([
      'competencies/risk-judgement.md:6:45-6:98: Attribute `onclick` of `<b>` is removed: pages may not run scripts; remove it. [warning unsafe-html]',
      'playbook/internal/jsx-html.mdx:8:1-8:110: Attribute `ontoggle` of `<details>` is removed: pages may not run scripts; remove it. [warning unsafe-html]',
      'playbook/internal/jsx-html.mdx:10:1-10:82: Attribute `onerror` of `<img>` is removed: pages may not run scripts; remove it. [warning unsafe-html]',
      'playbook/internal/jsx-html.mdx:12:3-12:64: Link `javascript:window.__pwned = \'jsx-link\'` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/jsx-html.mdx:12:69-12:117: Attribute `style` of `<b>` is removed: pages take their look from the site\'s own styles; remove it. [warning unsafe-html]',
      'playbook/internal/jsx-html.mdx:14:1-14:47: Raw HTML `<script>` is removed from the page: pages may not run scripts; describe the step in words or link to the tool instead. [warning unsafe-html]',
      'playbook/internal/jsx-html.mdx:16:1-16:65: Raw HTML `<iframe>` is removed from the page: pages may not embed other sites or plugins; link to it instead. [warning unsafe-html]',
      'playbook/internal/jsx-html.mdx:18:1-20:7: Attribute `class` of `<div>` is removed: the site\'s classes belong to its own styles and scripts; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:39:1-39:43: Raw HTML `<script>` is removed from the page: pages may not run scripts; describe the step in words or link to the tool instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:41:1-41:34: Raw HTML `<script>` is removed from the page: pages may not run scripts; describe the step in words or link to the tool instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:43:1-43:75: Attribute `onerror` of `<img>` is removed: pages may not run scripts; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:45:1-45:59: Attribute `onerror` of `<img>` is removed: pages may not run scripts; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:47:1-47:95: Attribute `ontoggle` of `<details>` is removed: pages may not run scripts; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:49:1-49:113: Attribute `onmouseover` of `<p>` is removed: pages may not run scripts; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:49:1-49:113: Attribute `style` of `<p>` is removed: pages take their look from the site\'s own styles; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:49:1-49:113: Attribute `class` of `<p>` is removed: the site\'s classes belong to its own styles and scripts; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:51:8-51:74: Raw HTML `<svg>` is removed from the page: it is not one of the HTML elements pages may use, which content/FORMAT.md lists; write it in Markdown instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:51:45-51:68: Raw HTML `<circle>` is removed from the page: it is not one of the HTML elements pages may use, which content/FORMAT.md lists; write it in Markdown instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:53:1-53:60: Link `javascript:window.__pwned = \'link\'` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:54:1-54:61: Link `JaVaScRiPt:window.__pwned = \'mixed\'` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:55:1-55:63: Link `javascript:window.__pwned = \'entity\'` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:56:1-56:57: Link ` java\\u0009script:window.__pwned = \'tab\'` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:57:1-57:42: Link `vbscript:msgbox(1)` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:58:1-58:60: Link `data:text/html,<script>alert(1)</script>` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:60:1-60:49: Link `javascript:window.__pwned=\'markdown\'` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:60:51-60:103: Link `javascript:window.__pwned=\'md-entity\'` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:60:105-60:143: Link `JavaScript:window.__pwned=\'autolink\'` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:60:145-60:162: Link `javascript:window.__pwned=\'reference\'` is removed: pages may link only to web pages (`https:`), e-mail addresses (`mailto:`) and the site\'s own pages and files; link to a web page instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:60:167-60:219: Image `data:image/svg+xml,%3Csvg/onload=alert(1)%3E` is removed: an image must be a file of the site, an `https:` address or a `data:image/` picture (PNG, JPEG, GIF, WebP or AVIF); save the image beside the page and link to it instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:64:1-64:36: Raw HTML `<base>` is removed from the page: it would change where every link on the page leads; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:66:1-66:61: Raw HTML `<meta>` is removed from the page: it could send readers to another site or change how the page is read; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:68:1-71:8: Raw HTML `<form>` is removed from the page (what it holds is kept): pages may not hold forms that send what readers type; link to the form instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:69:1-69:87: Raw HTML `<input>` is removed from the page: pages may not hold forms that send what readers type; link to the form instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:70:1-70:72: Raw HTML `<button>` is removed from the page (what it holds is kept): pages may not hold forms that send what readers type; link to the form instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:73:1-73:61: Raw HTML `<iframe>` is removed from the page: pages may not embed other sites or plugins; link to it instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:75:1-75:70: Raw HTML `<iframe>` is removed from the page: pages may not embed other sites or plugins; link to it instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:77:1-77:96: Raw HTML `<object>` is removed from the page (what it holds is kept): pages may not embed other sites or plugins; link to it instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:79:1-79:71: Raw HTML `<embed>` is removed from the page: pages may not embed other sites or plugins; link to it instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:81:1-81:58: Raw HTML `<link>` is removed from the page: pages may not load styles or other files into the site; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:83:1-83:38: Raw HTML `<style>` is removed from the page: pages take their look from the site\'s own styles; use Markdown for emphasis and structure instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:85:1-85:99: Raw HTML `<noscript>` is removed from the page (what it holds is kept): it is not one of the HTML elements pages may use, which content/FORMAT.md lists; write it in Markdown instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:87:1-87:59: Attribute `target` of `<a>` is removed: it is not one of the attributes pages may use on `<a>` (GitHub\'s list); remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:87:61-87:103: Value `note` of attribute `class` of `<code>` is removed: it is not one of the values pages may use there; remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:87:108-87:147: Address `vbscript:msgbox(1)` in attribute `cite` of `<q>` is removed: it must be a web address (`https:`) or a page of the site; use one of those instead. [warning unsafe-html]',
      'playbook/internal/raw-html.md:89:3-89:22: Raw HTML `<td>` is removed from the page (what it holds is kept): it may stand only inside `<table>`; put it in one, or remove it. [warning unsafe-html]',
      'playbook/internal/raw-html.md:91:1-91:28: Raw HTML `<title>` is removed from the page: it is not one of the HTML elements pages may use, which content/FORMAT.md lists; write it in Markdown instead. [warning unsafe-html]',
    ]);
  });

  it('says nothing about a playbook with nothing to remove', () => {
    expect(shownFixture('clean')).toEqual([]);
  });
});

describe('the HTML policy', () => {
  const frames = '<iframe src="https://www.youtube-nocookie.com/embed/talk" title="Talk"></iframe>\n\n<iframe src="https://evil.example/page"></iframe>\n';
  const framesPolicy = htmlPolicy({ frameHosts: ['www.youtube-nocookie.com'] });

  function render(markdown: string): string {
    const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(() => (tree: Root) => void sanitiseAuthorHtml(tree, framesPolicy)).use(rehypeStringify);
    return String(processor.processSync(markdown));
  }

  it('removes every frame by default', () => {
    expect(unsafeAuthorHtml(unified().use(remarkParse).parse(frames)).map((removal) => removal.message)).toEqual([
      'Embedded page from `www.youtube-nocookie.com` is removed from the page: pages embed only pages of hosts the site allows; allow it with `trellis({ allow: { frames: [\'www.youtube-nocookie.com\'] } })` in astro.config.mjs (and PLAYBOOK_ALLOW_FRAMES for `npm run check`), or link to the page instead.',
      'Embedded page from `evil.example` is removed from the page: pages embed only pages of hosts the site allows; allow it with `trellis({ allow: { frames: [\'evil.example\'] } })` in astro.config.mjs (and PLAYBOOK_ALLOW_FRAMES for `npm run check`), or link to the page instead.',
    ]);
  });

  it('keeps frames of the hosts it is given, and only those, in one setting', () => {
    expect(render(frames)).toBe('<iframe src="https://www.youtube-nocookie.com/embed/talk" title="Talk"></iframe>\n');
    expect(unsafeAuthorHtml(unified().use(remarkParse).parse(frames), { schema: framesPolicy }).map((removal) => `${removal.position?.start.line}: ${removal.message}`)).toEqual([
      '3: Embedded page from `evil.example` is removed from the page: pages embed only pages of hosts the site allows; allow it with `trellis({ allow: { frames: [\'evil.example\'] } })` in astro.config.mjs (and PLAYBOOK_ALLOW_FRAMES for `npm run check`), or link to the page instead.',
    ]);
  });
});
