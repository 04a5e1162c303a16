/**
 * The competency × layer heat grid: one row per competency (by cluster), one column per
 * initiative layer, each cell the number of initiatives of that layer that develop it, shaded
 * by that number. An empty row is a competency nothing develops; a row with one shaded cell
 * hangs on one layer.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { type Competency, initiativeLayers, joinList } from '../../../playbook/index.ts';
import { type Ecosystem, layerCounts } from '../ecosystem.ts';
import { chartFigure, chartSvg, type ChartText, textLines } from './figure.ts';
import { wrapText } from './text.ts';

/** Narrow enough for a phone: a long name takes two lines rather than widening the grid. */
const label = { width: 172, size: 13, lineHeight: 16 };
const cell = { width: 60, height: 28, gap: 2 };
const header = 30;
const clusterRow = 24;
const layerNames = { internal: 'Internal', external: 'External', coaching: 'Coaching' } as Record<string, string>;

export function coverageGrid(ecosystem: Ecosystem, id = 'health-grid'): Element {
  const groups = clusterGroups(ecosystem);
  const text: ChartText = { id, caption: 'Competencies by layer', title: 'How many initiatives of each layer develop each competency', description: describe(ecosystem) };
  const children: ElementContent[] = initiativeLayers.map((layer, index) =>
    s('text', { className: ['health-grid-heading'], x: label.width + index * (cell.width + cell.gap) + cell.width / 2, y: header - 10, textAnchor: 'middle' }, layerNames[layer]),
  );
  let y = header;
  for (const group of groups) {
    children.push(s('text', { className: ['health-grid-cluster'], x: 0, y: y + 17 }, group.title));
    y += clusterRow;
    for (const competency of group.competencies) {
      const lines = wrapText(competency.name, label.width - 10, label.size);
      const height = cell.height + (lines.length - 1) * label.lineHeight;
      children.push(gridRow(ecosystem, competency, lines, y, height));
      y += height + cell.gap;
    }
  }
  const width = label.width + initiativeLayers.length * (cell.width + cell.gap);
  return chartFigure(text, chartSvg(text, width, y + 4, children), [gridTable(ecosystem, groups)]);
}

function clusterGroups(ecosystem: Ecosystem): { title: string; competencies: Competency[] }[] {
  const groups: { title: string; competencies: Competency[] }[] = [];
  for (const competency of ecosystem.competencies) {
    const title = competency.cluster.charAt(0).toUpperCase() + competency.cluster.slice(1);
    if (groups.at(-1)?.title !== title) groups.push({ title, competencies: [] });
    groups.at(-1)!.competencies.push(competency);
  }
  return groups;
}

/** Shade classes: none, one, two, three or more. */
function heat(n: number): string {
  return `health-heat-${Math.min(n, 3)}`;
}

function gridRow(ecosystem: Ecosystem, competency: Competency, lines: string[], y: number, height: number): Element {
  const counts = layerCounts(ecosystem, competency.id);
  const words = initiativeLayers.map((layer) => `${counts[layer]} ${layer}`).join(', ');
  return s('g', { className: ['health-grid-row'] }, [
    s('title', `${competency.name}: ${words}`),
    ...textLines(lines, 0, y + 19, label.lineHeight),
    ...initiativeLayers.flatMap((layer, index) => {
      const x = label.width + index * (cell.width + cell.gap);
      return [
        s('rect', { className: ['health-heat', heat(counts[layer])], x, y, width: cell.width, height }),
        s('text', { className: ['health-heat-count', `${heat(counts[layer])}-text`], x: x + cell.width / 2, y: y + height / 2 + 5, textAnchor: 'middle' }, String(counts[layer])),
      ];
    }),
  ]);
}

function describe(ecosystem: Ecosystem): string {
  const layersOf = (competency: Competency) => initiativeLayers.filter((layer) => layerCounts(ecosystem, competency.id)[layer] > 0);
  const none = ecosystem.competencies.filter((competency) => layersOf(competency).length === 0).map((competency) => competency.name);
  const one = ecosystem.competencies.filter((competency) => layersOf(competency).length === 1).map((competency) => `${competency.name} (${layersOf(competency)[0]} only)`);
  const all = ecosystem.competencies.filter((competency) => layersOf(competency).length === initiativeLayers.length).length;
  return [
    `${ecosystem.competencies.length} competencies against the internal, external and coaching layers; ${all} of them are developed in all three.`,
    one.length ? `Developed in one layer only: ${joinList(one)}.` : 'None is developed in one layer only.',
    none.length ? `Developed by no initiative: ${joinList(none)}.` : '',
  ].filter(Boolean).join(' ');
}

function gridTable(ecosystem: Ecosystem, groups: ReturnType<typeof clusterGroups>): Element {
  return h('details', { className: ['health-details'] }, [
    h('summary', 'The grid as a table'),
    h('table', { className: ['health-table'] }, [
      h('caption', 'Initiatives developing each competency, by layer'),
      h('thead', h('tr', [h('th', { scope: 'col' }, 'Competency'), ...initiativeLayers.map((layer) => h('th', { scope: 'col' }, layerNames[layer]))])),
      ...groups.map((group) => h('tbody', [
        h('tr', h('th', { scope: 'rowgroup', colSpan: initiativeLayers.length + 1 }, group.title)),
        ...group.competencies.map((competency) => {
          const counts = layerCounts(ecosystem, competency.id);
          return h('tr', [h('th', { scope: 'row' }, h('a', { href: ecosystem.site.competencyUrl(competency.id) }, competency.name)), ...initiativeLayers.map((layer) => h('td', String(counts[layer])))]);
        }),
      ])),
    ]),
  ]);
}
