/**
 * Shared by the diagram tests: load a fixture playbook as one build publishes it, render a
 * page's body with the diagram plugin through remark-rehype, pick the diagrams out, and read
 * their geometry back from the HTML.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { loadPlaybook, type SiteEdition, type SiteOptions, siteEdition } from '../../plugins/playbook/index.ts';
import { measureText, type Options, remarkDiagrams, useFonts } from '../../plugins/remark-diagrams/index.ts';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The font files the site serves, which the integration passes to the plugin. */
export const diagramFonts = ['inter-latin-wght-normal.woff2', 'inter-latin-ext-wght-normal.woff2'].map((name) => path.join(repoRoot, 'public/fonts', name));
// The geometry helpers below measure labels as the plugin does, with the same font.
useFonts(diagramFonts);

export function fixtureContent(name: string): string {
  return path.join(fixturesDir, name, 'content');
}

/** The current edition of a content folder, as a build with `options` publishes it. */
export function loadSite(contentDir: string, options: Partial<SiteOptions> = {}): SiteEdition {
  const { playbook } = loadPlaybook(contentDir);
  return siteEdition(playbook.editions[0]!, { audience: 'all', includeDrafts: false, base: '/', ...options });
}

/** The HTML of a page's body, rendered from a copy of its tree as the site's renderer does. */
export async function renderPage(site: SiteEdition, id: string, options: Partial<Options> = {}): Promise<string> {
  const page = site.page(id);
  if (!page) throw new Error(`The fixture publishes no page \`${id}\`.`);
  const tree = structuredClone(page.source.tree);
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  const processor = unified().use(remarkDiagrams, { fonts: diagramFonts, ...options }).use(remarkRehype).use(rehypeStringify);
  const file = new VFile({ path: page.source.path });
  file.data.trellis = { site, entry: page };
  return processor.stringify((await processor.run(tree as Root, file)) as HastRoot, file);
}

/** Diagrams written inline, drawn as if on the page `pageId`. */
export async function renderMarkdown(site: SiteEdition, markdown: string, pageId = 'index'): Promise<string[]> {
  const tree = unified().use(remarkParse).use(remarkDirective).parse(markdown);
  const processor = unified().use(remarkDiagrams, { fonts: diagramFonts }).use(remarkRehype).use(rehypeStringify);
  const file = new VFile();
  file.data.trellis = { site, entry: site.page(pageId)! };
  const html = processor.stringify((await processor.run(tree, file)) as HastRoot, file);
  return [...html.matchAll(/<figure class="diagram[\s\S]*?<\/figure>/g)].map((match) => match[0]);
}

/** Each diagram `<figure>` of a page, as HTML. */
export async function renderDiagrams(site: SiteEdition, id: string, options: Partial<Options> = {}): Promise<string[]> {
  const html = await renderPage(site, id, options);
  return [...html.matchAll(/<figure class="diagram[\s\S]*?<\/figure>/g)].map((match) => match[0]);
}

/** The first drawing of a figure: the variant wide screens show, at natural size in the full-size view. */
export function primarySvg(figureHtml: string): string {
  const svg = /<svg[\s\S]*?<\/svg>/.exec(figureHtml);
  if (!svg) throw new Error('The figure has no <svg>.');
  return svg[0];
}

/** One tag per line, so that a snapshot's diff points at the element that changed. */
export function oneTagPerLine(html: string): string {
  return `${html.replaceAll('><', '>\n<')}\n`;
}

export function parse(html: string): HastRoot {
  return fromHtml(html, { fragment: true });
}

export function elements(tree: HastRoot | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

export function hasClass(element: Element, name: string): boolean {
  const className = element.properties.className;
  return Array.isArray(className) && className.includes(name);
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Everything wrong with the geometry of one diagram's SVG, read back from the HTML: boxes that
 * overlap, label lines wider than their box (measured as the browser test will), text below
 * 12px, anything drawn outside the canvas. An empty list means a legible diagram.
 */
export function geometryProblems(figureHtml: string): string[] {
  const problems: string[] = [];
  const svg = elements(parse(figureHtml), (element) => element.tagName === 'svg')[0];
  if (!svg) return ['no <svg>'];
  const { width, height, viewBox, fontSize } = svg.properties;
  if (String(viewBox) !== `0 0 ${width} ${height}`) problems.push(`viewBox ${String(viewBox)} is not 0 0 ${width} ${height}`);
  if (Number(fontSize) < 12) problems.push(`font-size ${fontSize}`);
  for (const element of elements(svg, (candidate) => 'transform' in candidate.properties || 'rotate' in candidate.properties)) {
    if (!/^translate\(\d+ \d+\)$/.test(String(element.properties.transform))) problems.push(`a transform other than a translation: ${String(element.properties.transform)}`);
  }
  const nodes = elements(svg, (element) => hasClass(element, 'diagram-node')).map((node) => ({ node, box: rectOf(node, 'diagram-node-box') }));
  const labels = elements(svg, (element) => hasClass(element, 'diagram-edge-label')).map((label) => ({ label, box: rectOf(label, 'diagram-edge-label-box') }));
  const groups = elements(svg, (element) => hasClass(element, 'diagram-group')).map((group) => ({ group, box: rectOf(group, 'diagram-group-box') }));
  const canvas = { x: 0, y: 0, width: Number(width) - 8, height: Number(height) - 8 };
  for (const [index, { node, box }] of nodes.entries()) {
    const name = texts(node).map((text) => text.text).join(' ');
    if (!inside(box, canvas)) problems.push(`${name} is outside the canvas`);
    for (const other of nodes.slice(index + 1)) if (overlap(box, other.box, 4)) problems.push(`${name} overlaps ${texts(other.node).map((text) => text.text).join(' ')}`);
    for (const { box: labelBox } of labels) if (overlap(box, labelBox, 0)) problems.push(`${name} overlaps an edge label`);
    for (const { group } of groups) if (overlap(box, labelArea(group), 0)) problems.push(`${name} covers the label of a group`);
    const weight = hasClass(node, 'diagram-node-current') ? 600 : 400;
    problems.push(...misfits(name, texts(node), box, 14, weight, 8));
  }
  for (const { label, box } of labels) problems.push(...misfits('edge label', texts(label), box, 12, 400, 2));
  for (const { group, box } of groups) problems.push(...misfits('group label', texts(group), box, 14, 600, 8));
  return problems;
}

function rectOf(element: Element, className: string): Rect {
  const rect = elements(element, (candidate) => candidate.tagName === 'rect' && hasClass(candidate, className))[0]!;
  const { x, y, width, height } = rect.properties;
  return { x: Number(x), y: Number(y), width: Number(width), height: Number(height) };
}

function texts(element: Element): { text: string; x: number; y: number; anchor: string }[] {
  return elements(element, (candidate) => candidate.tagName === 'text').map((text) => ({
    text: text.children.map((child) => ('value' in child ? child.value : '')).join(''),
    x: Number(text.properties.x),
    y: Number(text.properties.y),
    anchor: String(text.properties.textAnchor ?? 'start'),
  }));
}

/** The lines of text that do not fit `box` with at least `slack` px on each side. */
function misfits(name: string, lines: ReturnType<typeof texts>, box: Rect, size: number, weight: number, slack: number): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    const width = measureText(line.text, size, weight);
    const left = line.anchor === 'middle' ? line.x - width / 2 : line.x;
    const top = line.y - 0.73 * size;
    const bottom = line.y + 0.25 * size;
    if (left < box.x + slack || left + width > box.x + box.width - slack) problems.push(`${name}: "${line.text}" (${width.toFixed(1)}px) does not fit across its box`);
    if (top < box.y || bottom > box.y + box.height) problems.push(`${name}: "${line.text}" does not fit down its box`);
  }
  return problems;
}

function labelArea(group: Element): Rect {
  const lines = texts(group);
  const top = Math.min(...lines.map((line) => line.y)) - 14;
  const bottom = Math.max(...lines.map((line) => line.y)) + 4;
  const left = Math.min(...lines.map((line) => line.x));
  const right = Math.max(...lines.map((line) => line.x + measureText(line.text, 14, 600)));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function overlap(a: Rect, b: Rect, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

function inside(a: Rect, b: Rect): boolean {
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
}
