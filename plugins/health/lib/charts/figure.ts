/**
 * The figure around each chart, and its HTML. Every value from the playbook passes through
 * hastscript and rehype-stringify, which escape it; colours come only from classes
 * (src/styles/health.css), because the Content-Security-Policy allows no inline style.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h, s } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

export interface ChartText {
  /** Unique in the page; the caption, title and description ids derive from it. */
  id: string;
  caption: string;
  /** The SVG's accessible name. */
  title: string;
  /** What the chart shows, in full sentences: what a screen reader hears instead of the picture. */
  description: string;
}

/**
 * A scrolling box for a chart wider than a phone (its text is never shrunk below the size
 * it was laid out for), keyboard-reachable because it scrolls; then the table with the same
 * data, for screen readers, for copying, and for anyone who prefers numbers.
 */
export function chartFigure(text: ChartText, svg: Element, fallback: ElementContent[]): Element {
  return h('figure', { className: ['health-figure'] }, [
    h('figcaption', { className: ['health-caption'], id: `${text.id}-caption` }, text.caption),
    h('div', { className: ['health-scroll'], tabIndex: 0, role: 'group', ariaLabelledBy: `${text.id}-caption` }, [svg]),
    ...fallback,
  ]);
}

/** The `<svg>` root with its title and description; the picture itself is `children`. */
export function chartSvg(text: ChartText, width: number, height: number, children: ElementContent[]): Element {
  return s('svg', { className: ['health-chart'], width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', ariaLabelledBy: `${text.id}-title ${text.id}-desc` }, [
    s('title', { id: `${text.id}-title` }, text.title),
    s('desc', { id: `${text.id}-desc` }, text.description),
    ...children,
  ]);
}

/** `<text>` lines at `x`, the first baseline at `y`, one line break between them for text extraction. */
export function textLines(lines: readonly string[], x: number, y: number, lineHeight: number, properties: Record<string, unknown> = {}): ElementContent[] {
  return lines.flatMap((line, index): ElementContent[] => [
    ...(index ? [{ type: 'text' as const, value: '\n' }] : []),
    s('text', { x, y: y + index * lineHeight, ...properties }, line),
  ]);
}

export function chartHtml(element: Element): string {
  const root: Root = { type: 'root', children: [element] };
  return unified().use(rehypeStringify).stringify(root);
}
