/**
 * Each partner's share of the external layer: under the partner's name, its share of the
 * external initiatives and of the competencies developed externally, as bars against the
 * limit drawn as a line. A bar over the limit is drawn as a warning. Narrow enough for a phone.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { joinList } from '../../../playbook/index.ts';
import { type Ecosystem, type Partner, type Share as ShareOf, sharesOf } from '../ecosystem.ts';
import { count, percent } from '../rule.ts';
import { chartFigure, chartSvg, type ChartText, textLines } from './figure.ts';
import { wrapText } from './text.ts';

const width = 356;
const name = { size: 13, lineHeight: 17 };
const bar = { width: 160, height: 12, gap: 6 };
const top = 22;

interface Share extends ShareOf {
  words: string;
}

export function partnerShareChart(ecosystem: Ecosystem, id = 'health-shares'): Element {
  const { partners, thresholds } = ecosystem;
  const text: ChartText = { id, caption: "Each partner's share of the external layer", title: 'Partner shares of external initiatives and competencies', description: describe(ecosystem) };
  const limitX = (thresholds.partnerShare / 100) * bar.width;
  const rows: ElementContent[] = [];
  let y = top;
  for (const partner of partners) {
    const lines = wrapText(partner.name, width, name.size);
    rows.push(partnerRow(ecosystem, partner, lines, y, limitX));
    y += rowHeight(lines);
  }
  const svg = chartSvg(text, width, y, [
    s('text', { className: ['health-small'], x: limitX, y: 12, textAnchor: 'middle' }, `${thresholds.partnerShare}% limit`),
    ...rows,
  ]);
  return chartFigure(text, svg, [shareTable(ecosystem)]);
}

/** The shares, with words: `3 of 5 initiatives (60%)`. */
function sharesWithWords(ecosystem: Ecosystem, partner: Partner): { initiatives: Share; competencies: Share } {
  const { initiatives, competencies } = sharesOf(ecosystem, partner);
  const words = (share: ShareOf, noun: string, nouns: string) => ({ ...share, words: `${share.part} of ${count(share.whole, noun, nouns)} (${percent(share.part, share.whole)})` });
  return { initiatives: words(initiatives, 'initiative', 'initiatives'), competencies: words(competencies, 'competency', 'competencies') };
}

/** The name's lines, two bars, and room before the next partner. */
function rowHeight(lines: string[]): number {
  return lines.length * name.lineHeight + 2 * (bar.height + bar.gap) + 14;
}

function partnerRow(ecosystem: Ecosystem, partner: Partner, lines: string[], y: number, limitX: number): Element {
  const { initiatives, competencies } = sharesWithWords(ecosystem, partner);
  const barsY = y + lines.length * name.lineHeight + 4;
  const drawBar = (share: Share, at: number): ElementContent[] => [
    s('rect', { className: ['health-track'], x: 0, y: at, width: bar.width, height: bar.height }),
    s('rect', { className: ['health-share', ...(share.over ? ['health-share-over'] : [])], x: 0, y: at, width: Math.max(1, share.whole ? (share.part / share.whole) * bar.width : 0), height: bar.height }),
    s('text', { className: ['health-small'], x: bar.width + 8, y: at + 10 }, share.words),
  ];
  return s('g', { className: ['health-partner'] }, [
    s('title', `${partner.name}: ${initiatives.words} external initiatives, ${competencies.words} competencies developed externally`),
    ...textLines(lines, 0, y + 13, name.lineHeight, { className: ['health-partner-name'] }),
    ...drawBar(initiatives, barsY),
    ...drawBar(competencies, barsY + bar.height + bar.gap),
    s('line', { className: ['health-limit'], x1: limitX, x2: limitX, y1: barsY - 3, y2: barsY + 2 * bar.height + bar.gap + 3 }),
  ]);
}

function describe(ecosystem: Ecosystem): string {
  if (ecosystem.partners.length === 0) return 'The playbook has no external initiatives.';
  const shares = ecosystem.partners.map((partner) => ({ partner, ...sharesWithWords(ecosystem, partner) }));
  const over = shares.filter(({ initiatives, competencies }) => initiatives.over || competencies.over).map(({ partner }) => partner.name);
  const each = shares.map(({ partner, initiatives, competencies }) => `${partner.name}: ${initiatives.words} external initiatives and ${competencies.words} competencies developed externally`);
  const verdict = over.length ? `Over the ${ecosystem.thresholds.partnerShare}% limit: ${joinList(over)}.` : `No partner is over the ${ecosystem.thresholds.partnerShare}% limit.`;
  return `${each.join('; ')}. ${verdict} The top bar of each partner is its share of initiatives, the bottom bar its share of competencies.`;
}

function shareTable(ecosystem: Ecosystem): Element {
  return h('table', { className: ['health-table'] }, [
    h('caption', "Partners' shares"),
    h('thead', h('tr', ['Partner', 'External initiatives', 'Competencies developed externally'].map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', ecosystem.partners.map((partner) => {
      const { initiatives, competencies } = sharesWithWords(ecosystem, partner);
      const cell = (share: Share) => h('td', { className: share.over ? ['health-over'] : [] }, share.over ? [share.words, ' ', h('strong', 'over the limit')] : share.words);
      return h('tr', [h('th', { scope: 'row' }, partner.name), cell(initiatives), cell(competencies)]);
    })),
  ]);
}
