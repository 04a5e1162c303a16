/**
 * The coverage diagram: a table of competencies (rows, by cluster) against initiatives
 * (columns, by layer), marking which initiative develops which competency and naming, in
 * words, every competency no initiative develops. With many initiatives there is one column
 * per layer holding counts, so that the table stays a readable, bounded size.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { clusters, type Competency, initiativeLayers, type Layer, type Page, type SiteEdition } from '../../playbook/index.ts';
import { figure } from './figure.ts';
import { measureText } from './measure.ts';
import { capitalise, count } from './text.ts';

export interface Coverage {
  site: SiteEdition;
  /** Competencies in cluster order, each cluster sorted by name. */
  rows: { cluster: string; competencies: Competency[] }[];
  /** Initiatives by layer, layers without any left out. */
  columns: { layer: Layer; pages: Page[] }[];
  /** The published initiatives that develop each competency. */
  developedBy: Map<Competency, Page[]>;
  /** A column per layer, with counts, instead of a column per initiative. */
  aggregated: boolean;
}

export function readCoverage(site: SiteEdition, aggregateAbove: number): Coverage {
  const columns = initiativeLayers.map((layer) => ({ layer, pages: site.pagesInLayer(layer) })).filter((column) => column.pages.length);
  const rows = clusters
    .map((cluster) => ({ cluster, competencies: site.competencies.filter((competency) => competency.cluster === cluster).sort((a, b) => a.name.localeCompare(b.name, 'en')) }))
    .filter((row) => row.competencies.length);
  const developedBy = new Map<Competency, Page[]>(site.competencies.map((competency) => [competency, []]));
  for (const page of columns.flatMap((column) => column.pages)) {
    for (const id of new Set(page.develops)) {
      const competency = site.competency(id);
      if (competency) developedBy.get(competency)!.push(page);
    }
  }
  const total = columns.reduce((sum, column) => sum + column.pages.length, 0);
  return { site, rows, columns, developedBy, aggregated: total > aggregateAbove };
}

/** Width of a column of the table (px): its title set sideways, wrapped to the header's height. */
const rotatedLine = { size: 13, weight: 700, height: 17, length: 240 };
const cellWidth = { minimum: 28, padding: 8 };
/** The competency column, the totals column, and borders: what the table needs besides its initiatives. */
const tableFrame = { competency: 156, total: 34, border: 1 };

export function coverageFigure(coverage: Coverage, id: string): Element {
  const table = h('table', { className: ['diagram-table'] }, [
    h('caption', `Which ${coverage.aggregated ? 'layers' : 'initiatives'} develop each competency`),
    ...columnGroups(coverage),
    h('thead', headerRows(coverage)),
    ...coverage.rows.map((row) => h('tbody', [h('tr', [h('th', { scope: 'rowgroup', colSpan: columnCount(coverage) + 2 }, capitalise(row.cluster))]), ...row.competencies.map((competency) => bodyRow(coverage, competency))])),
  ]);
  return figure({
    kind: 'coverage',
    id,
    caption: 'Coverage of the competency catalogue',
    generated: true,
    variants: [{ content: [table], width: tableWidth(coverage), scales: false }, { content: [groupedList(coverage)] }],
    after: [summary(coverage)],
  });
}

/** What the table needs across, its initiatives' titles set sideways: known before any browser draws it. */
function tableWidth(coverage: Coverage): number {
  const columns = coverage.aggregated
    ? coverage.columns.map((column) => measureText(`${capitalise(column.layer)} initiatives (${column.pages.length})`, 14) / 2 + 2 * cellWidth.padding)
    : coverage.columns.flatMap((column) => column.pages.map((page) => {
        const lines = Math.ceil(measureText(page.title, rotatedLine.size, rotatedLine.weight) / rotatedLine.length);
        return Math.max(cellWidth.minimum, lines * rotatedLine.height + cellWidth.padding);
      }));
  return Math.ceil(tableFrame.competency + tableFrame.total + columns.reduce((sum, width) => sum + width + tableFrame.border, 0));
}

/** The compact variant: each cluster's competencies, each with the initiatives that develop it. */
function groupedList(coverage: Coverage): Element {
  const { site } = coverage;
  return h('ul', { className: ['diagram-coverage-list'] }, coverage.rows.map((row) => h('li', [
    h('span', { className: ['diagram-cluster'] }, capitalise(row.cluster)),
    h('ul', row.competencies.map((competency) => {
      const pages = coverage.developedBy.get(competency)!;
      return h('li', { className: pages.length ? [] : ['diagram-uncovered'] }, [
        h('a', { href: site.competencyUrl(competency.id) }, competency.name),
        pages.length ? h('span', { className: ['diagram-develops'] }, ['Developed by ', ...developers(coverage, pages)]) : h('strong', { className: ['diagram-gap'] }, 'Not covered'),
      ]);
    })),
  ])));
}

/** The initiatives by name; with many, how many of each layer, as the aggregated table counts them. */
function developers(coverage: Coverage, pages: Page[]): (Element | string)[] {
  const { site } = coverage;
  if (!coverage.aggregated) return joinLinks(pages.map((page) => h('a', { href: site.pageUrl(page.id) }, page.title)));
  const counts = coverage.columns.map((column) => ({ layer: column.layer, n: pages.filter((page) => page.layer === column.layer).length })).filter((entry) => entry.n);
  return joinLinks(counts.map(({ layer, n }) => h('a', { href: site.layerUrl(layer) }, count(n, `${layer} initiative`))));
}

function joinLinks(links: Element[]): (Element | string)[] {
  return links.flatMap((link, index) => [...(index ? [index === links.length - 1 ? ' and ' : ', '] : []), link]);
}

function columnCount(coverage: Coverage): number {
  return coverage.aggregated ? coverage.columns.length : coverage.columns.reduce((sum, column) => sum + column.pages.length, 0);
}

function columnGroups(coverage: Coverage): Element[] {
  const spans = coverage.aggregated ? [] : coverage.columns.map((column) => h('colgroup', { span: column.pages.length, className: [`diagram-tone-${column.layer}`] }));
  return [h('colgroup'), ...spans, h('colgroup')];
}

function headerRows(coverage: Coverage): Element[] {
  const { site } = coverage;
  const corner = (rowSpan: number, text: string) => h('th', { scope: 'col', rowSpan }, text);
  if (coverage.aggregated) {
    return [
      h('tr', [
        corner(1, 'Competency'),
        ...coverage.columns.map((column) => h('th', { scope: 'col' }, [h('a', { href: site.layerUrl(column.layer) }, `${capitalise(column.layer)} initiatives`), ` (${column.pages.length})`])),
        corner(1, 'All initiatives'),
      ]),
    ];
  }
  return [
    h('tr', [
      corner(2, 'Competency'),
      ...coverage.columns.map((column) => h('th', { scope: 'colgroup', colSpan: column.pages.length }, h('a', { href: site.layerUrl(column.layer) }, capitalise(column.layer)))),
      h('th', { scope: 'col', rowSpan: 2, className: ['diagram-table-sideways'] }, h('span', 'Initiatives')),
    ]),
    h('tr', { className: ['diagram-table-sideways'] }, coverage.columns.flatMap((column) => column.pages.map((page) => h('th', { scope: 'col' }, h('a', { href: site.pageUrl(page.id) }, page.title))))),
  ];
}

function bodyRow(coverage: Coverage, competency: Competency): Element {
  const pages = coverage.developedBy.get(competency)!;
  const uncovered = pages.length === 0;
  const header = h('th', { scope: 'row' }, [
    h('a', { href: coverage.site.competencyUrl(competency.id) }, competency.name),
    ...(uncovered ? [' ', h('strong', { className: ['diagram-gap'] }, 'Not covered')] : []),
  ]);
  const cells: ElementContent[] = coverage.aggregated
    ? coverage.columns.map((column) => h('td', String(pages.filter((page) => page.layer === column.layer).length)))
    : coverage.columns.flatMap((column) => column.pages.map((page) => (pages.includes(page) ? markCell() : h('td'))));
  return h('tr', { className: uncovered ? ['diagram-uncovered'] : [] }, [header, ...cells, h('td', String(pages.length))]);
}

/** The mark is drawn for the eye; the words are for screen readers. */
function markCell(): Element {
  return h('td', [h('span', { className: ['diagram-mark'], ariaHidden: 'true' }, '●'), h('span', { className: ['diagram-sr-only'] }, 'develops')]);
}

function summary(coverage: Coverage): Element {
  const competencies = coverage.rows.flatMap((row) => row.competencies);
  const gaps = competencies.filter((competency) => coverage.developedBy.get(competency)!.length === 0);
  const initiatives = coverage.columns.reduce((sum, column) => sum + column.pages.length, 0);
  const covered = `${competencies.length - gaps.length} of the ${count(competencies.length, 'competency', 'competencies')} are developed by at least one of the ${count(initiatives, 'initiative')}.`;
  const links = joinLinks(gaps.map((competency) => h('a', { href: coverage.site.competencyUrl(competency.id) }, competency.name)));
  const gapText = gaps.length ? [' Not covered by any initiative: ', ...links, '.'] : [' Every competency is covered.'];
  return h('p', { className: ['diagram-summary'] }, [covered, ...gapText]);
}

