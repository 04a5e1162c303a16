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
export const cataloguePageSchema = z.object({ ...entryFields, ...pageSchema.shape });

export const relationTypes = ['develops', 'prerequisite', 'metric', 'related'] as const;

export const relationSchema = z.object({
  /** `develops`: page → competency; `prerequisite`: page → the page that comes first; `metric`: page → its measurement page; `related`: competency → competency. */
  type: z.enum(relationTypes),
  from: z.string().min(1),
  to: z.string().min(1),
});

export const catalogueSchema = z.object({
  $schema: z.url(),
  edition: z.object({
    /** `current`, or the label of an older edition. */
    label: z.string().min(1),
    current: z.boolean(),
    archived: z.boolean(),
    released: z.string().optional(),
    /** The day the edition stands for: its release, or its latest change. */
    date: z.string(),
    url: z.url(),
  }),
  competencies: z.array(catalogueCompetencySchema),
  /** Published pages of layer internal, external or coaching. */
  initiatives: z.array(cataloguePageSchema),
  /** Every other published page: the home page, governance, measurement, guides. */
  pages: z.array(cataloguePageSchema),
  relations: z.array(relationSchema),
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
  return { id: page.id, url: absoluteUrl(context, site.pageUrl(page.id)), ...pick(page, Object.keys(pageSchema.shape) as (keyof PageData)[]), develops: links.develops, prerequisites: links.prerequisites, metrics: links.metrics };
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
