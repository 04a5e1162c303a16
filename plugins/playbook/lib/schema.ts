/**
 * The frontmatter contract of `playbook-format.md` as Zod schemas. The Astro content
 * collections and the standalone checker both validate with these, so the two never disagree.
 */
import { z } from 'astro/zod';

export const layers = ['internal', 'external', 'coaching', 'governance', 'measurement', 'guide'] as const;
export type Layer = (typeof layers)[number];
export const initiativeLayers: readonly Layer[] = ['internal', 'external', 'coaching'];

export const clusters = ['strategy', 'culture', 'risk', 'people', 'execution'] as const;
export type Cluster = (typeof clusters)[number];

export const formats = [
  'virtual-cohort',
  'on-site-immersion',
  'microlearning',
  'secondment',
  'shadowing',
  'stretch-assignment',
  'case-study',
  'coaching-session',
] as const;
export type Format = (typeof formats)[number];


/** Lowercase letters, digits and hyphens. */
export const competencyIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * A page's path as real handbooks name files (`code_of_conduct`, `Onboarding Guide`, `v2.0`):
 * letters of either case, digits, hyphens, underscores, dots and spaces, with `/` between
 * folders; a name neither starts with a dot or space nor ends with a dot or space.
 */
export const pageIdPattern = /^[\p{L}\p{N}_-](?:[\p{L}\p{N} ._-]*[\p{L}\p{N}_-])?(?:\/[\p{L}\p{N}_-](?:[\p{L}\p{N} ._-]*[\p{L}\p{N}_-])?)*$/u;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'an ISO date such as 2029-06-30', abort: true })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'a real calendar date');

const idList = z.array(z.string().min(1)).default([]);
const visibility = z.enum(['internal', 'public']).default('internal');
/** Free words; YAML reads `360` or `2026` as numbers, which authors mean as words. */
const word = z.union([z.string().min(1), z.number()]).transform(String);
const wordList = z.array(word).default([]);

export const competencySchema = z.object({
  /** Display name, e.g. "Strategic foresight". Required. */
  name: z.string().min(1),
  /** One of the five clusters. Required. */
  cluster: z.enum(clusters),
  /** One sentence. Required. */
  summary: z.string().min(1),
  /** Business priorities this capability serves. Default: none. */
  priorities: wordList,
  /** Other competency ids; each must exist. Default: none. */
  related: idList,
  /** Proficiency rubric, in order. Default: none. */
  levels: z.array(z.object({ name: z.string().min(1), description: z.string().min(1) })).default([]),
  /** Default: internal. */
  visibility,
});

export const partnerSchema = z.object({
  name: z.string().min(1),
  /** ISO date; a past date is a warning. */
  contract_end: isoDate.optional(),
  evaluation: z.string().min(1),
  /** ISO date the partnership began (format version 2); the health report's rotation rule counts from it. */
  since: isoDate.optional(),
});

/**
 * A `develops` item: a competency id, or `{ id, level }` naming the level of the competency's
 * rubric the initiative develops it to. Both read as `{ id, level? }`.
 */
export const developsItemSchema = z
  .union([z.string().min(1), z.object({ id: z.string().min(1), level: z.string().min(1).optional() }).strict()])
  .transform((item): { id: string; level?: string } => (typeof item === 'string' ? { id: item } : item));

export const pageSchema = z.object({
  /** Required. */
  title: z.string().min(1),
  /** One or two sentences. Required. */
  description: z.string().min(1),
  /** Required. */
  layer: z.enum(layers),
  /** Competency ids, or `{ id, level }`; each must exist, and so must its level. Default: none. */
  develops: z.array(developsItemSchema).default([]),
  /** Page ids that come first; each must exist; no cycles. Default: none. */
  prerequisites: idList,
  /** Default: none. */
  formats: z.array(z.enum(formats)).default([]),
  owner: z.string().min(1).optional(),
  /** Free words. Default: none. */
  audience: wordList,
  /** Default: published. Drafts are never published. */
  status: z.enum(['draft', 'published']).default('published'),
  /** Default: internal. */
  visibility: z.enum(['internal', 'public']).default('internal'),
  /** ISO date by which the content must be reviewed; a past date is a warning. */
  review_by: isoDate.optional(),
  /** Required for layer external. */
  partner: partnerSchema.optional(),
  /** Page ids of layer measurement. Default: none. */
  metrics: idList,
  /** Free words. Default: none. */
  tags: wordList,
  /** Free text: how long the initiative runs for one participant, e.g. `6 months`. */
  duration: z.string().min(1).optional(),
  /** Free text: the time it asks of a participant, e.g. `2 days a month`. */
  commitment: z.string().min(1).optional(),
  /** ISO dates when cohorts start. Default: none. */
  intakes: z.array(isoDate).default([]),
  /** Places per intake, a whole number. */
  capacity: z.number().int().positive().optional(),
  /** One sentence: who may take part. */
  eligibility: z.string().min(1).optional(),
  /** Who to ask: an email address or a name. */
  contact: z.string().min(1).optional(),
});

export const roleSchema = z.object({
  /** Display name, e.g. "Divisional director". Required. */
  name: z.string().min(1),
  /** One sentence. Required. */
  summary: z.string().min(1),
  /** Competency id → one of that competency's level names. Required, at least one. */
  targets: z.record(z.string(), z.string().min(1)).refine((targets) => Object.keys(targets).length > 0, 'at least one `competency-id: Level` entry'),
  /** Role ids that usually lead here; each must exist. Default: none. */
  grows_from: idList,
  /** Default: internal. */
  visibility,
});

export const editionSchema = z.object({
  /** Still published, marked as no longer maintained. Default: false. */
  archived: z.boolean().default(false),
  released: isoDate.optional(),
});

export type CompetencyData = z.infer<typeof competencySchema>;
export type RoleData = z.infer<typeof roleSchema>;
export type DevelopsItem = z.infer<typeof developsItemSchema>;
export type PageData = z.infer<typeof pageSchema>;
export type EditionData = z.infer<typeof editionSchema>;

export const competencyFields = Object.keys(competencySchema.shape);
export const pageFields = Object.keys(pageSchema.shape);
