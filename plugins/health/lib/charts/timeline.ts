/**
 * The contract timeline: one row per partner contract (an external initiative), a bar from
 * `partner.since` (or the start of the axis, when it is not recorded) to `contract_end`,
 * today's date as a line and the notice period as a band after it. A bar that ends inside the
 * band is drawn as ending; one that has ended, as ended.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { joinList } from '../../../playbook/index.ts';
import { yearFraction } from '../dates.ts';
import type { Contract, Ecosystem, Partner } from '../ecosystem.ts';
import { chartFigure, chartSvg, type ChartText, textLines } from './figure.ts';
import { textWidth, wrapText } from './text.ts';

const label = { width: 230, size: 13, small: 12 };
const plot = { width: 400, rowHeight: 42, barHeight: 14, top: 6 };
/** Room after the plot for the end date of a bar that ends at the right edge. */
const after = 124;
const axisHeight = 26;
const legendHeight = 28;

interface Row {
  partner: Partner;
  contract: Contract;
}

export function contractTimeline(ecosystem: Ecosystem, id = 'health-timeline'): Element {
  const rows: Row[] = ecosystem.partners.flatMap((partner) => partner.contracts.map((contract) => ({ partner, contract })));
  const text: ChartText = { id, caption: 'Partner contracts on a time axis', title: 'Partner contracts and the notice period', description: describe(ecosystem, rows) };
  const [start, end] = axisYears(ecosystem, rows);
  const x = (date: string) => label.width + ((yearFraction(date) - start) / (end - start)) * plot.width;
  const plotBottom = plot.top + rows.length * plot.rowHeight;
  const width = label.width + plot.width + after;
  const height = plotBottom + axisHeight + legendHeight;
  const svg = chartSvg(text, width, height, [
    s('rect', { className: ['health-notice-band'], x: x(ecosystem.today), y: plot.top, width: Math.max(2, x(ecosystem.noticeEnd) - x(ecosystem.today)), height: plotBottom - plot.top }),
    ...axis(start, end, plotBottom, (year) => label.width + ((year - start) / (end - start)) * plot.width),
    ...rows.map((row, index) => contractRow(row, index, ecosystem, x, start)),
    s('line', { className: ['health-today'], x1: x(ecosystem.today), x2: x(ecosystem.today), y1: plot.top - 4, y2: plotBottom + 4 }),
    legend(ecosystem, height - legendHeight + 18),
  ]);
  return chartFigure(text, svg, [contractTable(ecosystem, rows)]);
}

/** Whole years from the earliest start (or this year) to the latest end (at least the notice period's). */
function axisYears(ecosystem: Ecosystem, rows: Row[]): [number, number] {
  const dates = [ecosystem.today, ecosystem.noticeEnd, ...rows.flatMap(({ contract }) => [contract.since, contract.end].filter((date) => date !== undefined))];
  const years = dates.map((date) => Number(date.slice(0, 4)));
  return [Math.min(...years), Math.max(...years) + 1];
}

function axis(start: number, end: number, y: number, x: (year: number) => number): ElementContent[] {
  const step = end - start > 12 ? 2 : 1;
  const ticks: ElementContent[] = [s('line', { className: ['health-axis'], x1: x(start), x2: x(end), y1: y, y2: y })];
  for (let year = start; year <= end; year += step) {
    ticks.push(s('line', { className: ['health-axis'], x1: x(year), x2: x(year), y1: y, y2: y + 5 }));
    if (year < end) ticks.push(s('text', { className: ['health-small'], x: x(year) + 3, y: y + 18 }, String(year)));
  }
  return ticks;
}

function contractRow({ partner, contract }: Row, index: number, ecosystem: Ecosystem, x: (date: string) => number, start: number): Element {
  const top = plot.top + index * plot.rowHeight;
  const state = contractState(contract, ecosystem);
  const from = contract.since ? x(contract.since) : x(`${start}-01-01`);
  const to = contract.end ? x(contract.end) : label.width + plot.width;
  const barY = top + (plot.rowHeight - plot.barHeight) / 2;
  const name = wrapText(partner.name, label.width - 12, label.size, 1);
  const initiative = wrapText(contract.page.title, label.width - 12, label.small, 1);
  return s('g', { className: ['health-contract', `health-contract-${state}`] }, [
    s('title', rowTitle(partner, contract)),
    ...textLines(name, 0, top + 17, 16),
    ...textLines(initiative, 0, top + 33, 16, { className: ['health-small', 'health-muted'] }),
    s('rect', { className: ['health-bar', ...(contract.since ? [] : ['health-bar-open'])], x: from, y: barY, width: Math.max(3, to - from), height: plot.barHeight, rx: 3 }),
    s('text', { className: ['health-small'], x: to + 5, y: barY + 11 }, endLabel(contract, state)),
  ]);
}

/** The state in words as well as in colour: `ended 2026-10-31`, `ends 2027-01-31`. */
function endLabel(contract: Contract, state: ReturnType<typeof contractState>): string {
  if (!contract.end) return 'no end date';
  return state === 'running' ? contract.end : `${state === 'ended' ? 'ended' : 'ends'} ${contract.end}`;
}

export function contractState(contract: Contract, ecosystem: Ecosystem): 'ended' | 'ending' | 'running' {
  if (contract.end !== undefined && contract.end < ecosystem.today) return 'ended';
  return contract.endsInNotice ? 'ending' : 'running';
}

function rowTitle(partner: Partner, contract: Contract): string {
  return `${partner.name}, ${contract.page.title}: ${contract.since ? `since ${contract.since}` : 'start not recorded'}, ${contract.end ? `until ${contract.end}` : 'no end date'}`;
}

function legend(ecosystem: Ecosystem, y: number): Element {
  const notice = `Notice period: ${ecosystem.thresholds.noticeDays} days, to ${ecosystem.noticeEnd}`;
  const todayX = 20 + textWidth(notice, label.small) + 24;
  return s('g', { className: ['health-legend'] }, [
    s('rect', { className: ['health-notice-band'], x: 0, y: y - 11, width: 14, height: 14 }),
    s('text', { className: ['health-small'], x: 20, y }, notice),
    s('line', { className: ['health-today'], x1: todayX, x2: todayX, y1: y - 12, y2: y + 4 }),
    s('text', { className: ['health-small'], x: todayX + 6, y }, `Today, ${ecosystem.today}`),
  ]);
}

function describe(ecosystem: Ecosystem, rows: Row[]): string {
  if (rows.length === 0) return 'No external initiative has a partner contract.';
  const ending = rows.filter(({ contract }) => contractState(contract, ecosystem) === 'ending').map(({ partner, contract }) => `${partner.name} (${contract.page.title}) on ${contract.end}`);
  const ended = rows.filter(({ contract }) => contractState(contract, ecosystem) === 'ended').map(({ partner, contract }) => `${partner.name} (${contract.page.title}) on ${contract.end}`);
  return [
    `${rows.length} partner ${rows.length === 1 ? 'contract' : 'contracts'}, as of ${ecosystem.today}, with a notice period of ${ecosystem.thresholds.noticeDays} days.`,
    ending.length ? `Ending within the notice period: ${joinList(ending)}.` : 'No contract ends within the notice period.',
    ended.length ? `Already ended: ${joinList(ended)}.` : '',
  ].filter(Boolean).join(' ');
}

function contractTable(ecosystem: Ecosystem, rows: Row[]): Element {
  const states = { ended: 'Ended', ending: 'Ends within the notice period', running: 'Running' };
  return h('table', { className: ['health-table'] }, [
    h('caption', 'Partner contracts'),
    h('thead', h('tr', ['Partner', 'Initiative', 'Since', 'Contract ends', 'State'].map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', rows.map(({ partner, contract }) => h('tr', [
      h('th', { scope: 'row' }, partner.name),
      h('td', h('a', { href: ecosystem.site.pageUrl(contract.page.id) }, contract.page.title)),
      h('td', { className: ['health-date'] }, contract.since ?? 'not recorded'),
      h('td', { className: ['health-date'] }, contract.end ?? 'no end date'),
      h('td', { className: [`health-state-${contractState(contract, ecosystem)}`] }, states[contractState(contract, ecosystem)]),
    ]))),
  ]);
}
