/**
 * Replaces `::diagram{…}` directives and `framework` code blocks with figures drawn at build
 * time: inline SVG for the ecosystem, pathways and frameworks, a table for coverage. It never
 * validates (the checker has already refused bad input); anything it cannot draw stays as it is.
 */
import type { Element } from 'hast';
import type { Code, Data, Parent, Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { canonicalPageId, parseFramework, type SiteEdition } from '../../playbook/index.ts';
import { coverageFigure, readCoverage } from './coverage.ts';
import { ecosystemDrawing } from './ecosystem.ts';
import { frameworkSpec } from './framework.ts';
import { type Drawing, layoutDiagram } from './layout.ts';
import { useFonts } from './measure.ts';
import { levelsDrawing } from './levels.ts';
import { dependantsOf, pathwayShape, pathwaySpec, withPage } from './pathway.ts';
import { routeDrawing } from './route.ts';
import { drawingToFigure } from './svg.ts';
import { contentHash } from './text.ts';

export interface Options {
  /**
   * The font files the site serves, as absolute paths in fallback order: labels are measured
   * with them so that every box fits its text in the reader's browser. Required.
   */
  fonts: readonly string[];
  /** Above this many initiatives, the ecosystem shows counts per layer and cluster. Default: 40. */
  ecosystemAggregateAbove?: number;
  /** Above this many initiatives, coverage has one column of counts per layer. Default: 30. */
  coverageAggregateAbove?: number;
  /** Most pages one pathway shows; the nearest steps are kept. Default: 60. */
  pathwayMaxPages?: number;
}

/** The mdast node that takes a diagram's place; `data` holds its hast, for remark-rehype and MDX alike. */
export interface DiagramFigure extends Parent {
  type: 'trellisDiagram';
  children: [];
  data: Data & { hName: string; hProperties: Element['properties']; hChildren: Element['children'] };
}

declare module 'mdast' {
  interface RootContentMap {
    trellisDiagram: DiagramFigure;
  }
  interface BlockContentMap {
    trellisDiagram: DiagramFigure;
  }
}

type Settings = Required<Omit<Options, 'fonts'>>;

const defaults: Settings = { ecosystemAggregateAbove: 40, coverageAggregateAbove: 30, pathwayMaxPages: 60 };
/** Identical framework blocks (templates copied between pages) are laid out once. */
const maxCachedFrameworks = 256;

/** Work shared by every page of an edition: the home page draws it once, pathways reuse it. */
const editionCaches = new WeakMap<SiteEdition, Map<string, unknown>>();
const frameworkCache = new Map<string, Promise<Drawing | null>>();

export function remarkDiagrams(options: Options) {
  const { fonts, ...rest } = options;
  const settings: Settings = { ...defaults, ...rest };
  useFonts(fonts);
  return async function transformDiagrams(tree: Root, file: VFile): Promise<void> {
    const context = file.data.trellis;
    if (!context) return;
    const targets: { node: LeafDirective | Code; index: number; parent: Parent }[] = [];
    visit(tree, (node, index, parent) => {
      const isDiagram = (node.type === 'leafDirective' && node.name === 'diagram') || (node.type === 'code' && node.lang === 'framework');
      if (isDiagram && parent && index !== undefined) targets.push({ node, index, parent });
    });
    const ids = new Map<string, number>();
    // In document order, so that a page's ids come out the same on every build.
    for (const target of targets) {
      const element = await drawDiagram(target.node, context.site, settings, ids);
      if (element) target.parent.children[target.index] = diagramFigure(element, target.node);
    }
  };
}

async function drawDiagram(node: LeafDirective | Code, site: SiteEdition, settings: Settings, ids: Map<string, number>): Promise<Element | null> {
  if (node.type === 'code') {
    const drawing = await frameworkDrawing(node.value);
    return drawing && drawingToFigure(drawing, uniqueId(ids, `diagram-framework-${contentHash(node.value)}`));
  }
  const type = node.attributes?.type;
  if (type === 'ecosystem') {
    const threshold = settings.ecosystemAggregateAbove;
    const drawing = memo(site, `ecosystem:${threshold}`, () => ecosystemDrawing(site, threshold));
    return drawingToFigure(drawing, uniqueId(ids, 'diagram-ecosystem'));
  }
  if (type === 'coverage') {
    const threshold = settings.coverageAggregateAbove;
    return coverageFigure(memo(site, `coverage:${threshold}`, () => readCoverage(site, threshold)), uniqueId(ids, 'diagram-coverage'));
  }
  const role = node.attributes?.role;
  if (type === 'route' && role) {
    const drawing = memo(site, `route:${role}`, () => routeDrawing(site, role));
    return drawing && drawingToFigure(drawing, uniqueId(ids, `diagram-route-${contentHash(role)}`));
  }
  const competency = node.attributes?.competency;
  if (type === 'levels' && competency) {
    const drawing = memo(site, `levels:${competency}`, () => levelsDrawing(site, competency));
    return drawing && drawingToFigure(drawing, uniqueId(ids, `diagram-levels-${contentHash(competency)}`));
  }
  const from = node.attributes?.from;
  if (type === 'pathway' && from) {
    const id = canonicalPageId(from);
    const drawing = await memo(site, `pathway:${settings.pathwayMaxPages}:${id}`, async () => {
      const spec = pathwaySpec(site, id, memo(site, 'dependants', () => dependantsOf(site)), settings.pathwayMaxPages);
      if (!spec) return null;
      // Every page of a track draws the same steps: ELK lays them out once for all of them.
      return withPage(await memo(site, `pathway-layout:${pathwayShape(spec)}`, () => layoutDiagram(spec)), spec);
    });
    return drawing && drawingToFigure(drawing, uniqueId(ids, `diagram-pathway-${contentHash(id)}`));
  }
  return null;
}

function frameworkDrawing(source: string): Promise<Drawing | null> {
  let drawing = frameworkCache.get(source);
  if (!drawing) {
    const { framework } = parseFramework(source);
    drawing = framework ? layoutDiagram(frameworkSpec(framework)) : Promise.resolve(null);
    if (frameworkCache.size >= maxCachedFrameworks) frameworkCache.delete(frameworkCache.keys().next().value!);
    frameworkCache.set(source, drawing);
  }
  return drawing;
}

function memo<T>(site: SiteEdition, key: string, make: () => T): T {
  let cache = editionCaches.get(site);
  if (!cache) editionCaches.set(site, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** The same diagram twice on a page gets `-2`, `-3`: ids must be unique within a page. */
function uniqueId(ids: Map<string, number>, base: string): string {
  const seen = (ids.get(base) ?? 0) + 1;
  ids.set(base, seen);
  return seen === 1 ? base : `${base}-${seen}`;
}

function diagramFigure(element: Element, original: LeafDirective | Code): DiagramFigure {
  const figure: DiagramFigure = { type: 'trellisDiagram', children: [], data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children } };
  if (original.position) figure.position = original.position;
  return figure;
}
