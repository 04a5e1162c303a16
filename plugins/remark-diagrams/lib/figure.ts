/**
 * The `<figure>` around every diagram. A diagram is drawn in one or more variants, widest
 * first: the site's CSS shows the first whose labels stay readable in the width the figure
 * has (a container query per width step), and the last, compact one otherwise. The figure is
 * also its own full-size view: its "View full size" link targets it, and `:target` shows the
 * first variant at its natural size over the page, with a link back. No script is involved.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';

export interface Variant {
  content: ElementContent[];
  /**
   * Natural width in px of a drawing that may be scaled down to fit (an SVG), or the width a
   * table needs. Undefined for a compact variant that reflows to any width.
   */
  width?: number;
  /** An SVG shrinks to fit; a table does not, so it needs its whole width. Default: true. */
  scales?: boolean;
  /** Kept out of the search index (a second telling of what another variant says). Default: false. */
  unindexed?: boolean;
}

/** Labels are 14px; drawn at 11px or more they stay readable, so an SVG may shrink to 11/14. */
export const readableScale = 11 / 14;

/**
 * The container widths, in px, at which src/styles/diagrams.css switches variants (about 10 %
 * apart). A variant that needs more than the last step is shown only in the full-size view.
 */
export const widthSteps = [240, 280, 320, 360, 400, 440, 480, 530, 580, 640, 700, 770, 850, 940, 1030, 1130, 1240, 1360, 1500, 1650, 1820, 2000] as const;

/** The narrowest content column of a phone (360 px less the page's padding). */
export const phoneWidth = 320;

export interface FigureOptions {
  kind: string;
  /** Unique in the page; the caption's id and the variants' ids derive from it. */
  id: string;
  caption: string;
  /** Widest first; the last is shown when no other fits. */
  variants: Variant[];
  /** Left out of the search index whole: a generated picture of other pages. Default: false. */
  generated?: boolean;
  /** After the variants, shown with every one of them: a summary, say. */
  after?: ElementContent[];
}

export function figure({ kind, id, caption, variants, generated = false, after = [] }: FigureOptions): Element {
  const classes = ['diagram', `diagram-${kind}`, ...(variants[0]!.scales !== false ? ['diagram-scales'] : [])];
  return h('figure', { className: classes, id, ...(generated ? { dataPagefindIgnore: '' } : {}) }, [
    h('figcaption', { className: ['diagram-caption'], id: `${id}-caption` }, [
      h('span', caption),
      ' ',
      h('a', { className: ['diagram-open'], href: `#${id}` }, ['View full size', h('span', { className: ['diagram-sr-only'] }, `: ${caption}`)]),
    ]),
    h('a', { className: ['diagram-close'], href: `#${id}-caption` }, 'Close the full-size view'),
    ...variants.map((variant, index) => variantElement(variant, index, variants.length)),
    ...after,
  ]);
}

function variantElement(variant: Variant, index: number, count: number): Element {
  const last = index === count - 1;
  const classes = ['diagram-variant', ...(index === 0 ? ['diagram-variant-primary'] : []), last ? 'diagram-variant-fallback' : `diagram-needs-${stepFor(variant)}`];
  return h('div', { className: classes, ...(variant.unindexed ? { dataPagefindIgnore: '' } : {}) }, variant.content);
}

/** The width step from which a variant is readable, or `never` beyond the widest. */
export function stepFor(variant: Variant): number | 'never' {
  const needed = neededWidth(variant);
  return widthSteps.find((step) => step >= needed) ?? 'never';
}

export function neededWidth(variant: Variant): number {
  if (variant.width === undefined) return 0;
  return Math.ceil(variant.scales === false ? variant.width : variant.width * readableScale);
}

/** Keeps the variants worth drawing: each one narrower than the one before, and none after one that fits a phone. */
export function usefulVariants(variants: Variant[]): Variant[] {
  const kept: Variant[] = [];
  for (const variant of variants) {
    const previous = kept.at(-1);
    if (previous && neededWidth(previous) <= phoneWidth) break;
    if (previous && variant.width !== undefined && neededWidth(variant) > 0.85 * neededWidth(previous)) continue;
    kept.push(variant);
  }
  return kept;
}
