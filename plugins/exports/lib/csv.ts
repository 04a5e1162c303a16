/**
 * `competencies.csv`, `initiatives.csv` and `roles.csv`: one row per item, the columns a
 * spreadsheet or a learning system's import expects, written by csv-stringify as RFC 4180 says
 * (fields with a comma, quote or line break quoted, quotes doubled, CRLF between records), in
 * UTF-8. A table is a list of columns.
 */
import { stringify } from 'csv-stringify/sync';
import { type Competency, initiativeLayers, type Page, type Role, type SiteEdition } from '../../playbook/index.ts';
import { absoluteUrl, type ExportContext } from './context.ts';
import { publishedLinks } from './links.ts';
import { publishedRole, type TargetLevel } from './roles.ts';

export interface Column<T> {
  header: string;
  value(row: T): string | number | undefined;
}

/** How a list is written in one cell: `growth; resilience`. */
const list = (values: readonly (string | number)[]) => values.join('; ');
/** How levels are written in one cell: `risk-judgement: Expert; strategic-foresight: Practitioner`. */
const levels = (values: readonly TargetLevel[]) => list(values.map((value) => `${value.competency}: ${value.level}`));

export function csvTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  return stringify([columns.map((column) => column.header), ...rows.map((row) => columns.map((column) => column.value(row) ?? ''))], { record_delimiter: 'windows' });
}

export function competencyColumns(site: SiteEdition, context: ExportContext): Column<Competency>[] {
  return [
    { header: 'id', value: (c) => c.id },
    { header: 'name', value: (c) => c.name },
    { header: 'cluster', value: (c) => context.labels.clusters[c.cluster] },
    { header: 'summary', value: (c) => c.summary },
    { header: 'levels', value: (c) => list(c.levels.map((level) => level.name)) },
    { header: 'priorities', value: (c) => list(c.priorities) },
    { header: 'related', value: (c) => list(publishedLinks(site, c).related) },
    { header: 'developed_by', value: (c) => list(site.developers(c.id).map((page) => page.id)) },
    { header: 'needed_by', value: (c) => list(site.rolesNeeding(c.id).map((need) => `${need.role.id}: ${need.level.name}`)) },
    { header: 'visibility', value: (c) => c.visibility },
    { header: 'url', value: (c) => absoluteUrl(context, site.competencyUrl(c.id)) },
  ];
}

/** The level an initiative develops each published competency to, where its frontmatter names one. */
function developedLevels(site: SiteEdition, page: Page): TargetLevel[] {
  const published = new Set(publishedLinks(site, page).develops);
  return page.developsItems.flatMap((item) => (item.level && published.has(item.id) ? [{ competency: item.id, level: item.level }] : []));
}

export function initiativeColumns(site: SiteEdition, context: ExportContext): Column<Page>[] {
  return [
    { header: 'id', value: (p) => p.id },
    { header: 'title', value: (p) => p.title },
    { header: 'layer', value: (p) => context.labels.layers[p.layer] },
    { header: 'description', value: (p) => p.description },
    { header: 'develops', value: (p) => list(publishedLinks(site, p).develops) },
    { header: 'develops_levels', value: (p) => levels(developedLevels(site, p)) },
    { header: 'prerequisites', value: (p) => list(publishedLinks(site, p).prerequisites) },
    { header: 'formats', value: (p) => list(p.formats) },
    { header: 'owner', value: (p) => p.owner },
    { header: 'audience', value: (p) => list(p.audience) },
    { header: 'partner', value: (p) => p.partner?.name },
    { header: 'partner_contract_end', value: (p) => p.partner?.contract_end },
    { header: 'partner_evaluation', value: (p) => p.partner?.evaluation },
    { header: 'metrics', value: (p) => list(publishedLinks(site, p).metrics) },
    { header: 'on_route_to', value: (p) => list(site.rolesServedBy(p.id).map((role) => role.id)) },
    { header: 'tags', value: (p) => list(p.tags) },
    { header: 'review_by', value: (p) => p.review_by },
    { header: 'visibility', value: (p) => p.visibility },
    { header: 'url', value: (p) => absoluteUrl(context, site.pageUrl(p.id)) },
  ];
}

export function roleColumns(site: SiteEdition, context: ExportContext): Column<Role>[] {
  // Cheap to call per cell: the edition works each role's route out once.
  const of = (role: Role) => publishedRole(site, role);
  return [
    { header: 'id', value: (r) => r.id },
    { header: 'name', value: (r) => r.name },
    { header: 'summary', value: (r) => r.summary },
    { header: 'targets', value: (r) => levels(of(r).targets) },
    { header: 'grows_from', value: (r) => list(of(r).growsFrom) },
    { header: 'route_from', value: (r) => of(r).routeFrom },
    { header: 'route', value: (r) => list(of(r).route) },
    { header: 'unreachable_targets', value: (r) => levels(of(r).unreachable) },
    { header: 'visibility', value: (r) => r.visibility },
    { header: 'url', value: (r) => absoluteUrl(context, site.roleUrl(r.id)) },
  ];
}

export function competenciesCsv(site: SiteEdition, context: ExportContext): string {
  return csvTable(site.competencies, competencyColumns(site, context));
}

export function initiativesCsv(site: SiteEdition, context: ExportContext): string {
  return csvTable(site.pages.filter((page) => initiativeLayers.includes(page.layer)), initiativeColumns(site, context));
}

/** One row per published role, by id; only the header when the edition publishes none. */
export function rolesCsv(site: SiteEdition, context: ExportContext): string {
  return csvTable(site.roles, roleColumns(site, context));
}
