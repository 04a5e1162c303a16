import type { Root } from 'mdast';
import type { Document } from 'yaml';
import type { Span } from './diagnostics.ts';
import type { CompetencyData, DevelopsItem, PageData, RoleData } from './schema.ts';

export { clusters, formats, initiativeLayers, layers, type Cluster, type DevelopsItem, type Format, type Layer } from './schema.ts';
export type Visibility = PageData['visibility'];
export type Status = PageData['status'];
/** Who a build is for: `public` publishes only `visibility: public` content. */
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
  /** Fields left out because their lines are not valid YAML (each reported once). */
  unreadableFields: readonly string[];
  tree: Root;
  /**
   * False when the body could not be parsed (its one problem is reported): its tree is empty,
   * so what links into it (its headings) cannot be checked either.
   */
  bodyReadable: boolean;
  /** Converts an offset in `text` to a 1-based line and column span. */
  spanAt(start: number, end: number): Span;
  /** Span of a frontmatter value by its path (`['develops', 2]`), or of its nearest parent. */
  spanOf(path: readonly (string | number)[]): Span;
  /** Span of the key of a mapping entry (`['targets', 'risk-judgement']`), else as `spanOf`. */
  keySpanOf(path: readonly (string | number)[]): Span;
  /**
   * True when the page has code only the MDX compiler can run (imports, exports, expressions,
   * components); HTML written as JSX is rendered from the tree like raw HTML.
   */
  usesMdxFeatures: boolean;
}

export interface Heading {
  depth: number;
  text: string;
  slug: string;
}

/** A competency of the catalogue: its validated frontmatter, its id and its file. */
export type Competency = CompetencyData & {
  kind: 'competency';
  /** The file name without extension. */
  id: string;
  source: SourceFile;
};

export type Level = CompetencyData['levels'][number];
export type Partner = NonNullable<PageData['partner']>;

/** A role leaders grow into: its validated frontmatter, its id and its file. */
export type Role = RoleData & {
  kind: 'role';
  /** The file name without extension. */
  id: string;
  source: SourceFile;
};

/**
 * A page of the playbook: its validated frontmatter, its id, its file and its headings.
 * `develops` holds the competency ids, as every listing and filter needs them;
 * `developsItems` the same items, in the same order, with the level each names.
 */
export type Page = Omit<PageData, 'develops'> & {
  kind: 'page';
  develops: string[];
  developsItems: DevelopsItem[];
  /** Path under `playbook/` without extension; `index` files stand for their folder. */
  id: string;
  source: SourceFile;
  headings: Heading[];
};

export interface Edition {
  /** `current` for the editable edition, else the folder name under `versions/`. */
  label: string;
  isCurrent: boolean;
  archived: boolean;
  released?: string;
  /** Folder of the edition relative to the content folder: '' or `versions/2025.2/`. */
  folder: string;
  competencies: Map<string, Competency>;
  /** Empty when the edition has no `roles/` folder. */
  roles: Map<string, Role>;
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
