import type { Root } from 'mdast';
import type { Document } from 'yaml';
import type { Span } from './diagnostics.ts';

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

export type Visibility = 'internal' | 'public';
export type Status = 'draft' | 'published';
export type Audience = 'all' | 'public';

/** A Markdown or MDX file of the content folder, parsed once and shared by every stage. */
export interface SourceFile {
  /** Relative to the content folder, with forward slashes: `playbook/internal/lab.mdx`. */
  path: string;
  text: string;
  isMdx: boolean;
  /** Parsed frontmatter, with source ranges; null when the file has none or it is invalid. */
  frontmatter: Document | null;
  /** Offset of the YAML text inside `text`. */
  frontmatterOffset: number;
  tree: Root;
  /** Converts an offset in `text` to a 1-based line and column span. */
  spanAt(start: number, end: number): Span;
  /** Span of a frontmatter value by its path (`['develops', 2]`), or of its nearest parent. */
  spanOf(path: readonly (string | number)[]): Span;
  /** True when the page needs the MDX compiler (imports, exports, JSX or expressions). */
  usesMdxFeatures: boolean;
}

export interface Level {
  name: string;
  description: string;
}

export interface Competency {
  kind: 'competency';
  id: string;
  source: SourceFile;
  name: string;
  cluster: Cluster;
  summary: string;
  priorities: string[];
  related: string[];
  levels: Level[];
  visibility: Visibility;
}

export interface Partner {
  name: string;
  contract_end?: string;
  evaluation: string;
}

export interface Heading {
  depth: number;
  text: string;
  slug: string;
}

export interface Page {
  kind: 'page';
  /** Path under `playbook/` without extension; `index` files stand for their folder. */
  id: string;
  source: SourceFile;
  title: string;
  description: string;
  layer: Layer;
  develops: string[];
  prerequisites: string[];
  formats: Format[];
  owner?: string;
  audience: string[];
  status: Status;
  visibility: Visibility;
  review_by?: string;
  partner?: Partner;
  metrics: string[];
  tags: string[];
  headings: Heading[];
}

export interface Edition {
  /** `current` for the editable edition, else the folder name under `versions/`. */
  label: string;
  isCurrent: boolean;
  archived: boolean;
  released?: string;
  /** Folder of the edition relative to the content folder: '' or `versions/2025.2/`. */
  folder: string;
  competencies: Map<string, Competency>;
  pages: Map<string, Page>;
  /** False for a frozen edition loaded from frontmatter only (its pages come from a cache). */
  bodiesRead: boolean;
}

/** Everything read from a content folder: every edition, drafts and internal content included. */
export interface Playbook {
  contentDir: string;
  /** Current edition first, then older ones newest first. */
  editions: Edition[];
}
