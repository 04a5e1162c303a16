/**
 * Lookups over one edition, built once, so that every rule resolves a reference in constant
 * time instead of scanning the site (the checker must stay linear in the number of pages).
 */
import { canonicalPageId, closestMatch, type Competency, type Edition, type Layer, layers, type Page, pageIdOf, pageUrlPath, type Role } from '../../playbook/index.ts';

type Entry = Page | Competency | Role;

export interface EditionIndex {
  edition: Edition;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** A page by id, also accepting a folder index in full (`internal/index`). */
  page(id: string): Page | undefined;
  /** A page by the path of its URL (`team_rituals/onboarding-guide`), as site-absolute links name it. */
  pageAtPath(urlPath: string): Page | undefined;
  competency(id: string): Competency | undefined;
  role(id: string): Role | undefined;
  /** A page, competency or role by its file path relative to the content folder. */
  entryAtPath(contentPath: string): Entry | undefined;
  /** Whether the generated listing `/<layer>/` exists in this edition. */
  hasLayerPage(layer: Layer): boolean;
  /** The closest page id, or null; `measurementOnly` restricts it to layer measurement. */
  closestPageId(id: string, measurementOnly?: boolean): string | null;
  closestCompetencyId(id: string): string | null;
  closestRoleId(id: string): string | null;
}

/**
 * `duplicatePaths` are files that load left out because another file already had their id;
 * a link to one of them resolves to the page that kept the id, so that one duplicate gives
 * one error rather than one more for every link to the twin.
 */
export function indexEdition(edition: Edition, contentDir: string, duplicatePaths: Iterable<string> = []): EditionIndex {
  const byPath = new Map<string, Entry>();
  for (const entry of [...edition.pages.values(), ...edition.competencies.values(), ...edition.roles.values()]) byPath.set(entry.source.path, entry);
  const byUrl = new Map([...edition.pages.values()].map((page) => [pageUrlPath(page.id), page]));
  for (const duplicate of duplicatePaths) {
    const twin = twinOf(edition, byUrl, duplicate);
    if (twin) byPath.set(duplicate, twin);
  }
  const layersWithPages = new Set<string>();
  for (const page of edition.pages.values()) if (page.id !== 'index') layersWithPages.add(page.layer);
  for (const layer of layers) if (byUrl.has(layer)) layersWithPages.add(layer);
  const pageIds = [...edition.pages.keys()];
  const measurementIds = [...edition.pages.values()].filter((page) => page.layer === 'measurement').map((page) => page.id);
  const competencyIds = [...edition.competencies.keys()];
  const roleIds = [...edition.roles.keys()];
  const remembered = new Map<string, string | null>();
  // A hostile file may repeat one bad id thousands of times; each suggestion is a scan of
  // every id, so it is worked out once per distinct value.
  const remember = (key: string, work: () => string | null) => {
    if (!remembered.has(key)) remembered.set(key, work());
    return remembered.get(key)!;
  };
  return {
    edition,
    contentDir,
    page: (id) => edition.pages.get(canonicalPageId(id)),
    pageAtPath: (urlPath) => byUrl.get(canonicalPageId(urlPath)),
    competency: (id) => edition.competencies.get(id),
    role: (id) => edition.roles.get(id),
    entryAtPath: (contentPath) => byPath.get(contentPath),
    hasLayerPage: (layer) => layersWithPages.has(layer),
    closestPageId: (id, measurementOnly = false) =>
      remember(`${measurementOnly ? 'm' : 'p'}:${id}`, () => closestMatch(withoutExtension(id), measurementOnly ? measurementIds : pageIds)),
    closestCompetencyId: (id) => remember(`c:${id}`, () => closestMatch(withoutExtension(id), competencyIds)),
    closestRoleId: (id) => remember(`r:${id}`, () => closestMatch(withoutExtension(id), roleIds)),
  };
}

export function isLayer(value: string): value is Layer {
  return (layers as readonly string[]).includes(value);
}

/** The entry that kept the id, or the URL, that a refused file claimed. */
function twinOf(edition: Edition, byUrl: ReadonlyMap<string, Page>, contentPath: string): Entry | undefined {
  const pages = `${edition.folder}playbook/`;
  const competencies = `${edition.folder}competencies/`;
  const roles = `${edition.folder}roles/`;
  if (contentPath.startsWith(roles)) return edition.roles.get(withoutExtension(contentPath.slice(roles.length)));
  if (contentPath.startsWith(pages)) return byUrl.get(pageUrlPath(pageIdOf(contentPath.slice(pages.length))));
  if (contentPath.startsWith(competencies)) return edition.competencies.get(withoutExtension(contentPath.slice(competencies.length)));
  return undefined;
}

function withoutExtension(id: string): string {
  return id.replace(/\.mdx?$/, '');
}
