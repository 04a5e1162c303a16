// If this breaks, the print edition's links lead nowhere or to the wrong page: a link to
// another page of the playbook opens a browser instead of turning the page, a `#heading`
// link jumps to another page's heading of the same name, a diagram loses its title or its
// arrowheads, or headings of a page rank beside the page's own title.
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { printTree, type PrintBodyOptions } from '../../plugins/astro-trellis/lib/print-body.ts';

const options: PrintBodyOptions = {
  anchor: 'page-internal/leadership-lab',
  headingShift: 1,
  targets: new Map([
    ['/external/northbridge/', { anchor: 'page-external/northbridge', prefixesIds: true }],
    ['/competencies/risk-judgement/', { anchor: 'competency-risk-judgement', prefixesIds: true }],
    ['/internal/', { anchor: 'layer-internal', prefixesIds: false }],
  ]),
  siteUrl: 'https://playbook.example.org/',
};

function printed(html: string, raw?: string): string {
  const tree = fromHtml(html, { fragment: true }) as Root;
  if (raw) tree.children.push({ type: 'raw', value: raw });
  printTree(tree, options);
  return toHtml(tree, { allowDangerousHtml: true });
}

describe('a body in the print edition', () => {
  it('links to pages of the edition within the document, and to the same heading there', () => {
    expect(printed('<p><a href="/external/northbridge/">programme</a> <a href="/external/northbridge/#who-it-is-for">who</a> <a href="/competencies/risk-judgement/">risk</a> <a href="/internal/#pages">layer</a></p>')).toBe(
      '<p><a href="#page-external/northbridge">programme</a> <a href="#page-external/northbridge--who-it-is-for">who</a> <a href="#competency-risk-judgement">risk</a> <a href="#layer-internal">layer</a></p>',
    );
  });

  it('keeps its own ids apart from other pages\', and its links to them', () => {
    expect(printed('<h2 id="how-it-works">How it works</h2><p><a href="#how-it-works">see</a><a href="#">top</a></p>')).toBe(
      '<h3 id="page-internal/leadership-lab--how-it-works">How it works</h3><p><a href="#page-internal/leadership-lab--how-it-works">see</a><a href="#page-internal/leadership-lab">top</a></p>',
    );
  });

  it('makes other links of the site absolute, and leaves other hosts, mail and assets alone', () => {
    expect(printed('<a href="/v/2025.2/internal/leadership-lab/">old</a><a href="https://example.com/x">x</a><a href="mailto:a@b.c">m</a><img src="/_astro/photo.webp" alt="Photo">')).toBe(
      '<a href="https://playbook.example.org/v/2025.2/internal/leadership-lab/">old</a><a href="https://example.com/x">x</a><a href="mailto:a@b.c">m</a><img src="/_astro/photo.webp" alt="Photo">',
    );
  });

  it('keeps a diagram whole: its title, description, arrowheads and links follow the new ids', () => {
    const svg = '<svg aria-labelledby="diagram-1-title diagram-1-desc"><title id="diagram-1-title">T</title><desc id="diagram-1-desc">D</desc><marker id="diagram-1-arrow"></marker><path marker-end="url(#diagram-1-arrow)"></path><a href="/external/northbridge/"><text>N</text></a></svg>';
    expect(printed(svg)).toBe(
      '<svg aria-labelledby="page-internal/leadership-lab--diagram-1-title page-internal/leadership-lab--diagram-1-desc"><title id="page-internal/leadership-lab--diagram-1-title">T</title><desc id="page-internal/leadership-lab--diagram-1-desc">D</desc><marker id="page-internal/leadership-lab--diagram-1-arrow"></marker><path marker-end="url(#page-internal/leadership-lab--diagram-1-arrow)"></path><a href="#page-external/northbridge"><text>N</text></a></svg>',
    );
  });

  it('rewrites the ids and links of the author\'s raw HTML the same way', () => {
    expect(printed('', '<details id=\'more\'><summary>More</summary><a href="/external/northbridge/">programme</a></details>')).toBe(
      '<details id="page-internal/leadership-lab--more"><summary>More</summary><a href="#page-external/northbridge">programme</a></details>',
    );
  });
});
