/**
 * `catalogue.json`: the edition's published model as data — every frontmatter field of each
 * competency, role and page, its id and URL, and the relations between them as a list of edges —
 * described by a JSON Schema generated from the same Zod schemas the checker validates with.
 */
import { z } from 'astro/zod';
import { type Competency, type CompetencyData, competencyIdPattern, competencySchema, initiativeLayers, type Page, type PageData, pageSchema, type Role, type RoleData, roleSchema, type SiteEdition } from '../../playbook/index.ts';
import { absoluteUrl, type ExportContext } from './context.ts';
import { publishedLinks } from './links.ts';
import { type PublishedRole, publishedRole } from './roles.ts';

const entryFields = { id: z.string().min(1), url: z.url() };

export const catalogueCompetencySchema = z.object({ ...entryFields, ...competencySchema.shape, id: z.string().regex(competencyIdPattern) });
export const cataloguePageSchema = z.object({
  ...entryFields,
  ...pageSchema.shape,
  develops: z.array(z.object({ id: z.string().min(1), level: z.string().min(1).optional() })).describe('The published competencies the page develops, each with the level it develops it to when the page names one.'),
});

const targetLevelSchema = z.object({ competency: z.string().regex(competencyIdPattern), level: z.string().min(1).describe('One of the competency\'s level names.') });

export const catalogueRoleSchema = z.object({
  ...entryFields,
  ...roleSchema.shape,
  id: z.string().regex(competencyIdPattern),
  targets: z.record(z.string().regex(competencyIdPattern), z.string().min(1)).describe('Published competency id → the name of the level the role needs in it, in the order written.'),
  grows_from: z.array(z.string().regex(competencyIdPattern)).describe('The published roles that usually lead to this one.'),
  route: z.object({
    from: z.string().regex(competencyIdPattern).optional().describe('The role the route starts from (the first published role of `grows_from`); without it the route starts from no level at all.'),
    initiatives: z.array(z.string().min(1)).describe('The ids of the published initiatives that develop the targets, in the order to take them, as the role\'s page shows them.'),
    unreachable: z.array(targetLevelSchema).describe('Targets that no published initiative develops to the level.'),
  }),
});

export const relationTypes = ['develops', 'prerequisite', 'metric', 'related', 'target', 'grows-from', 'route-step'] as const;

export const relationSchema = z.object({
  type: z.enum(relationTypes).describe('`develops`: page → competency; `prerequisite`: page → the page that comes first; `metric`: page → its measurement page; `related`: competency → competency; `target`: role → competency it needs; `grows-from`: role → role that usually leads to it; `route-step`: role → initiative of its route.'),
  from: z.string().min(1).describe('The id of the page, competency or role the relation starts from.'),
  to: z.string().min(1).describe('The id of the page, competency or role it leads to.'),
  level: z.string().min(1).optional().describe('`develops`: the level the page develops the competency to, when it names one; `target`: the level the role needs.'),
  step: z.number().int().positive().optional().describe('`route-step`: the initiative\'s place in the route, from 1.'),
});

// Descriptions, unlike comments, reach the published JSON Schema and so the reader of the file.
export const catalogueSchema = z.object({
  $schema: z.url().describe('Where the JSON Schema of this file is published.'),
  edition: z.object({
    label: z.string().min(1).describe('`current`, or the label of an older edition such as `2025.2`.'),
    current: z.boolean(),
    archived: z.boolean().describe('Still published, no longer maintained.'),
    released: z.string().optional().describe('The release date, when the edition records one.'),
    date: z.string().describe('The day the edition stands for: its release, or its latest change.'),
    url: z.url().describe('The edition\'s home page.'),
  }),
  competencies: z.array(catalogueCompetencySchema).describe('Every published competency, with every field of its frontmatter.'),
  initiatives: z.array(cataloguePageSchema).describe('Published pages of layer internal, external or coaching.'),
  pages: z.array(cataloguePageSchema).describe('Every other published page: the home page, governance, measurement, guides.'),
  roles: z.array(catalogueRoleSchema).describe('Every published role, with every field of its frontmatter and its route.'),
  relations: z.array(relationSchema).describe('The references between published entries, one edge each.'),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueCompetency = z.infer<typeof catalogueCompetencySchema>;
export type CataloguePage = z.infer<typeof cataloguePageSchema>;
export type CatalogueRole = z.infer<typeof catalogueRoleSchema>;
export type Relation = z.infer<typeof relationSchema>;

/** The edition's catalogue; `schemaUrl` is where its JSON Schema is published. */
export function catalogueOf(site: SiteEdition, context: ExportContext, schemaUrl: string): Catalogue {
  const isInitiative = (page: Page) => initiativeLayers.includes(page.layer);
  return {
    $schema: schemaUrl,
    edition: {
      label: site.label,
      current: site.isCurrent,
      archived: site.edition.archived,
      ...(site.edition.released ? { released: site.edition.released } : {}),
      date: context.date,
      url: absoluteUrl(context, site.root),
    },
    competencies: site.competencies.map((competency) => catalogueCompetency(site, competency, context)),
    initiatives: site.pages.filter(isInitiative).map((page) => cataloguePage(site, page, context)),
    pages: site.pages.filter((page) => !isInitiative(page)).map((page) => cataloguePage(site, page, context)),
    roles: site.roles.map((role) => catalogueRole(site, role, context)),
    relations: relationsOf(site),
  };
}

/** The JSON Schema of `catalogue.json`, from the Zod schemas above. */
export function catalogueJsonSchema(schemaUrl: string): object {
  const schema = z.toJSONSchema(catalogueSchema, {
    io: 'output',
    target: 'draft-2020-12',
    // The one transform in the frontmatter schemas turns free words that YAML read as
    // numbers (`360`, `2026`) into strings: the catalogue always holds strings there.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === 'transform') jsonSchema.type = 'string';
    },
    unrepresentable: 'any',
  });
  const description = 'One edition of a Trellis playbook: its published competencies, initiatives, pages and roles with every frontmatter field, and the relations between them.';
  return { $schema: schema.$schema, $id: schemaUrl, title: 'Playbook catalogue', description, ...schema };
}

/** Every field of the competency's frontmatter, in the schema's order, with references to published entries only. */
export function catalogueCompetency(site: SiteEdition, competency: Competency, context: ExportContext): CatalogueCompetency {
  return { id: competency.id, url: absoluteUrl(context, site.competencyUrl(competency.id)), ...pick(competency, Object.keys(competencySchema.shape) as (keyof CompetencyData)[]), related: publishedLinks(site, competency).related };
}

export function cataloguePage(site: SiteEdition, page: Page, context: ExportContext): CataloguePage {
  const links = publishedLinks(site, page);
  return { id: page.id, url: absoluteUrl(context, site.pageUrl(page.id)), ...pick(page, Object.keys(pageSchema.shape) as (keyof PageData)[]), develops: page.developsItems.filter((item) => links.develops.includes(item.id)), prerequisites: links.prerequisites, metrics: links.metrics };
}

/** Every field of the role's frontmatter, with targets and `grows_from` on published entries only, and its route. */
export function catalogueRole(site: SiteEdition, role: Role, context: ExportContext): CatalogueRole {
  const published = publishedRole(site, role);
  return {
    id: role.id,
    url: absoluteUrl(context, site.roleUrl(role.id)),
    ...pick(role, Object.keys(roleSchema.shape) as (keyof RoleData)[]),
    targets: Object.fromEntries(published.targets.map((target) => [target.competency, target.level])),
    grows_from: published.growsFrom,
    route: { ...(published.routeFrom ? { from: published.routeFrom } : {}), initiatives: published.route, unreachable: published.unreachable },
  };
}

/** The relations as edges, between published entries only. */
export function relationsOf(site: SiteEdition): Relation[] {
  const relations: Relation[] = [];
  for (const page of site.pages) {
    const links = publishedLinks(site, page);
    for (const to of links.develops) relations.push({ type: 'develops', from: page.id, to, ...levelNamed(page, to) });
    for (const to of links.prerequisites) relations.push({ type: 'prerequisite', from: page.id, to });
    for (const to of links.metrics) relations.push({ type: 'metric', from: page.id, to });
  }
  for (const competency of site.competencies) {
    for (const to of publishedLinks(site, competency).related) relations.push({ type: 'related', from: competency.id, to });
  }
  for (const role of site.roles) relations.push(...roleRelations(role.id, publishedRole(site, role)));
  return relations;
}

function roleRelations(from: string, role: PublishedRole): Relation[] {
  return [
    ...role.targets.map((target): Relation => ({ type: 'target', from, to: target.competency, level: target.level })),
    ...role.growsFrom.map((to): Relation => ({ type: 'grows-from', from, to })),
    ...role.route.map((to, at): Relation => ({ type: 'route-step', from, to, step: at + 1 })),
  ];
}

/** The level a `develops` item names for the competency, when one does. */
function levelNamed(page: Page, competency: string): { level?: string } {
  const level = page.developsItems.find((item) => item.id === competency && item.level !== undefined)?.level;
  return level ? { level } : {};
}

/** The entry's values of the schema's fields, leaving out optional fields it does not set. */
function pick<T extends object, K extends keyof T>(entry: T, fields: readonly K[]): Pick<T, K> {
  const values = {} as Pick<T, K>;
  for (const field of fields) if (entry[field] !== undefined) values[field] = entry[field];
  return values;
}
