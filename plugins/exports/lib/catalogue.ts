/**
 * `catalogue.json`: the edition's published model as data — every frontmatter field of each
 * competency and page, its id and URL, and the relations between them as a list of edges —
 * described by a JSON Schema generated from the same Zod schemas the checker validates with.
 */
import { z } from 'astro/zod';
import { type Competency, type CompetencyData, competencyIdPattern, competencySchema, initiativeLayers, type Page, type PageData, pageSchema, type SiteEdition } from '../../playbook/index.ts';
import { absoluteUrl, type ExportContext } from './context.ts';
import { publishedLinks } from './links.ts';

const entryFields = { id: z.string().min(1), url: z.url() };

export const catalogueCompetencySchema = z.object({ ...entryFields, ...competencySchema.shape, id: z.string().regex(competencyIdPattern) });
export const cataloguePageSchema = z.object({
  ...entryFields,
  ...pageSchema.shape,
  develops: z.array(z.object({ id: z.string().min(1), level: z.string().min(1).optional() })).describe('The published competencies the page develops, each with the level it develops it to when the page names one.'),
});

export const relationTypes = ['develops', 'prerequisite', 'metric', 'related'] as const;

export const relationSchema = z.object({
  type: z.enum(relationTypes).describe('`develops`: page → competency; `prerequisite`: page → the page that comes first; `metric`: page → its measurement page; `related`: competency → competency.'),
  from: z.string().min(1).describe('The id of the page or competency the relation starts from.'),
  to: z.string().min(1).describe('The id of the page or competency it leads to.'),
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
  relations: z.array(relationSchema).describe('The references between published entries, one edge each.'),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueCompetency = z.infer<typeof catalogueCompetencySchema>;
export type CataloguePage = z.infer<typeof cataloguePageSchema>;
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
  const description = 'One edition of a Trellis playbook: its published competencies, initiatives and pages with every frontmatter field, and the relations between them.';
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

/** The relations as edges, between published entries only. */
export function relationsOf(site: SiteEdition): Relation[] {
  const relations: Relation[] = [];
  for (const page of site.pages) {
    const links = publishedLinks(site, page);
    for (const to of links.develops) relations.push({ type: 'develops', from: page.id, to });
    for (const to of links.prerequisites) relations.push({ type: 'prerequisite', from: page.id, to });
    for (const to of links.metrics) relations.push({ type: 'metric', from: page.id, to });
  }
  for (const competency of site.competencies) {
    for (const to of publishedLinks(site, competency).related) relations.push({ type: 'related', from: competency.id, to });
  }
  return relations;
}

/** The entry's values of the schema's fields, leaving out optional fields it does not set. */
function pick<T extends object, K extends keyof T>(entry: T, fields: readonly K[]): Pick<T, K> {
  const values = {} as Pick<T, K>;
  for (const field of fields) if (entry[field] !== undefined) values[field] = entry[field];
  return values;
}
