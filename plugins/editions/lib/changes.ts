/**
 * What changed between two published editions, for the "What changed" page: pages,
 * competencies and roles added, removed, retitled or renamed, pages whose `develops` list
 * changed, and roles whose targets changed.
 * Pure functions over the published views, so a draft or (in a public build) an internal
 * page never shows up as "added" or "removed".
 */
import type { Competency, Page, Role, SiteEdition } from '../../playbook/index.ts';

export interface Renamed<T> {
  /** The entry in the newer edition. */
  now: T;
  /** The same id in the older edition. */
  before: T;
}

export interface DevelopsChange {
  now: Page;
  before: Page;
  /** Competencies the page develops now and did not before, from the newer edition. */
  added: Competency[];
  /** Competencies the page no longer develops, from the older edition. */
  removed: Competency[];
}

export interface TargetsChange {
  now: Role;
  before: Role;
  /** Targets new to the role or at another level, from the newer edition; `was` is undefined for a new one. */
  changed: { competency: Competency; level: string; was: string | undefined }[];
  /** Targets the role no longer has, from the older edition. */
  removed: { competency: Competency; level: string }[];
}

export interface EditionChanges {
  edition: SiteEdition;
  /** The edition compared with: the next older one. */
  previous: SiteEdition;
  pagesAdded: Page[];
  pagesRemoved: Page[];
  pagesRetitled: Renamed<Page>[];
  competenciesAdded: Competency[];
  competenciesRemoved: Competency[];
  competenciesRenamed: Renamed<Competency>[];
  developsChanged: DevelopsChange[];
  rolesAdded: Role[];
  rolesRemoved: Role[];
  targetsChanged: TargetsChange[];
}

/**
 * The edition a given one is compared with: the next older one. Editions are ordered newest
 * first (the current edition, then older ones by label), so that is the next in the list.
 */
export function previousEdition(editions: readonly SiteEdition[], edition: SiteEdition): SiteEdition | undefined {
  const at = editions.indexOf(edition);
  return at === -1 ? undefined : editions[at + 1];
}

export function editionChanges(edition: SiteEdition, previous: SiteEdition): EditionChanges {
  const pagesKept = edition.pages.filter((page) => previous.page(page.id));
  const competenciesKept = edition.competencies.filter((competency) => previous.competency(competency.id));
  return {
    edition,
    previous,
    pagesAdded: edition.pages.filter((page) => !previous.page(page.id)),
    pagesRemoved: previous.pages.filter((page) => !edition.page(page.id)),
    pagesRetitled: pagesKept.map((now) => ({ now, before: previous.page(now.id)! })).filter(({ now, before }) => now.title !== before.title),
    competenciesAdded: edition.competencies.filter((competency) => !previous.competency(competency.id)),
    competenciesRemoved: previous.competencies.filter((competency) => !edition.competency(competency.id)),
    competenciesRenamed: competenciesKept.map((now) => ({ now, before: previous.competency(now.id)! })).filter(({ now, before }) => now.name !== before.name),
    developsChanged: pagesKept.map((now) => developsChange(now, previous.page(now.id)!, edition, previous)).filter((change) => change !== null),
    rolesAdded: edition.roles.filter((role) => !previous.role(role.id)),
    rolesRemoved: previous.roles.filter((role) => !edition.role(role.id)),
    targetsChanged: edition.roles.flatMap((now) => {
      const before = previous.role(now.id);
      return before ? (targetsChange(now, before, edition, previous) ?? []) : [];
    }),
  };
}

/** True when the two editions differ in nothing this page reports. */
export function isUnchanged(changes: EditionChanges): boolean {
  const lists = [changes.pagesAdded, changes.pagesRemoved, changes.pagesRetitled, changes.competenciesAdded, changes.competenciesRemoved, changes.competenciesRenamed, changes.developsChanged, changes.rolesAdded, changes.rolesRemoved, changes.targetsChanged];
  return lists.every((list) => list.length === 0);
}

function developsChange(now: Page, before: Page, edition: SiteEdition, previous: SiteEdition): DevelopsChange | null {
  const nowIds = new Set(now.develops);
  const beforeIds = new Set(before.develops);
  // Unpublished competencies (internal ones in a public build) are left out on both sides.
  const added = [...nowIds].filter((id) => !beforeIds.has(id)).map((id) => edition.competency(id)).filter((c) => c !== undefined);
  const removed = [...beforeIds].filter((id) => !nowIds.has(id)).map((id) => previous.competency(id)).filter((c) => c !== undefined);
  return added.length || removed.length ? { now, before, added, removed } : null;
}

function targetsChange(now: Role, before: Role, edition: SiteEdition, previous: SiteEdition): TargetsChange | null {
  // As for `develops`, unpublished competencies are left out on both sides.
  const changed = Object.entries(now.targets)
    .filter(([id, level]) => before.targets[id] !== level)
    .flatMap(([id, level]) => {
      const competency = edition.competency(id);
      return competency ? [{ competency, level, was: before.targets[id] }] : [];
    });
  const removed = Object.entries(before.targets)
    .filter(([id]) => !(id in now.targets))
    .flatMap(([id, level]) => {
      const competency = previous.competency(id);
      return competency ? [{ competency, level }] : [];
    });
  return changed.length || removed.length ? { now, before, changed, removed } : null;
}
