/**
 * A role's target profile as a bar chart: a row per target competency, one segment per level
 * of its rubric, filled up to the level the role needs, with the level's name beside it. The
 * role page shows it above a table of the same targets, so the chart is for the eye and the
 * table and the description are for everyone.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { roleTargets, type Role, type SiteEdition } from '../../playbook/index.ts';
import { capHeight, measureText, useFonts } from './measure.ts';
import { figure, fontFamily } from './svg.ts';

const row = 32;
const segment = { width: 20, height: 16, gap: 3 };
const fontSize = 14;
const labelGap = 12;

/** The figure as HTML, measured with the font files the site serves. */
export function targetProfileHtml(site: SiteEdition, role: Role, fonts: readonly string[]): string {
  useFonts(fonts);
  const element = targetProfileFigure(site, role);
  return unified().use(rehypeStringify).stringify({ type: 'root', children: [element] });
}

export function targetProfileFigure(site: SiteEdition, role: Role): Element {
  const rows = roleTargets(role, (id) => site.competency(id)).map((target) => {
    const competency = site.competency(target.competency)!;
    return { competency, level: target.level };
  });
  const id = `diagram-profile-${role.id}`;
  const labelWidth = Math.ceil(Math.max(0, ...rows.map((item) => measureText(item.competency.name, fontSize)))) + labelGap;
  const most = Math.max(1, ...rows.map((item) => item.competency.levels.length));
  const barsWidth = most * (segment.width + segment.gap) - segment.gap;
  const nameWidth = Math.ceil(Math.max(0, ...rows.map((item) => measureText(item.competency.levels[item.level]!.name, fontSize, 600))));
  const width = labelWidth + barsWidth + labelGap + nameWidth + 4;
  const height = rows.length * row;
  const baseline = (index: number) => Math.round((index * row + row / 2 + (capHeight() * fontSize) / 2) * 10) / 10;
  const description = rows.map((item) => `${item.competency.name} at ${item.competency.levels[item.level]!.name}, level ${item.level + 1} of ${item.competency.levels.length}`);
  const svg = s('svg', { className: ['diagram-svg', 'diagram-profile'], width, height, viewBox: `0 0 ${width} ${height}`, fontFamily, fontSize, role: 'img', ariaLabelledBy: `${id}-title ${id}-desc` }, [
    s('title', { id: `${id}-title` }, `Target profile of ${role.name}`),
    s('desc', { id: `${id}-desc` }, `${role.name} needs ${description.join('; ')}.`),
    ...rows.map((item, index) =>
      s('g', { className: ['diagram-profile-row'] }, [
        s('text', { x: 0, y: baseline(index) }, item.competency.name),
        ...item.competency.levels.map((_, level) =>
          s('rect', {
            className: [level <= item.level ? 'diagram-profile-on' : 'diagram-profile-off'],
            x: labelWidth + level * (segment.width + segment.gap),
            y: index * row + (row - segment.height) / 2,
            width: segment.width,
            height: segment.height,
            rx: 2,
          }),
        ),
        s('text', { className: ['diagram-profile-level'], x: labelWidth + barsWidth + labelGap, y: baseline(index) }, item.competency.levels[item.level]!.name),
      ]),
    ),
  ]);
  return figure('profile', id, `Target profile of ${role.name}`, svg, true);
}
