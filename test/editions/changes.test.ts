// If this breaks, the "What changed" page would tell readers the wrong story: a new page
// missing from "added", a retired partner not listed as removed, a renamed competency shown
// as removed and added, or a page's new competencies not mentioned.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionChanges, type EditionChanges, isUnchanged, previousEdition } from '../../plugins/editions/index.ts';
import { loadPlaybook, type SiteEdition, siteEditions } from '../../plugins/playbook/index.ts';
import { projectRoot } from '../helpers/build-site.ts';

const content = path.join(projectRoot, 'test/editions/fixtures/basic/content');

function editions(audience: 'all' | 'public' = 'all'): SiteEdition[] {
  return siteEditions(loadPlaybook(content).playbook, { audience, includeDrafts: false, base: '/' });
}

/** The changes as a reader sees them: ids, with names and titles where they changed. */
function summary(changes: EditionChanges) {
  return {
    pagesAdded: changes.pagesAdded.map((page) => page.id),
    pagesRemoved: changes.pagesRemoved.map((page) => page.id),
    pagesRetitled: changes.pagesRetitled.map(({ now, before }) => `${now.id}: ${before.title} -> ${now.title}`),
    competenciesAdded: changes.competenciesAdded.map((c) => c.id),
    competenciesRemoved: changes.competenciesRemoved.map((c) => c.id),
    competenciesRenamed: changes.competenciesRenamed.map(({ now, before }) => `${now.id}: ${before.name} -> ${now.name}`),
    developsChanged: changes.developsChanged.map(({ now, added, removed }) => `${now.id}: +${added.map((c) => c.id).join(',')} -${removed.map((c) => c.id).join(',')}`),
    rolesAdded: changes.rolesAdded.map((role) => role.id),
    rolesRemoved: changes.rolesRemoved.map((role) => role.id),
    targetsChanged: changes.targetsChanged.map(({ now, changed, removed }) => `${now.id}: ${[...changed.map((c) => `${c.competency.id} ${c.was ?? 'none'} -> ${c.level}`), ...removed.map((c) => `${c.competency.id} ${c.level} -> none`)].join(', ')}`),
  };
}

describe('editionChanges', () => {
  it('compares the current edition with the newest older one', () => {
    const [current, latest] = editions();
    expect(summary(editionChanges(current!, latest!))).toEqual({
      pagesAdded: ['internal/mentoring'],
      pagesRemoved: ['internal/job-rotation'],
      pagesRetitled: ['coaching/peer-circles: Peer circles pilot -> Peer coaching circles'],
      competenciesAdded: ['people-leadership'],
      competenciesRemoved: ['change-leadership'],
      competenciesRenamed: ['risk-judgement: Risk judgment -> Risk judgement'],
      developsChanged: ['coaching/peer-circles: +people-leadership -change-leadership', 'internal/leadership-lab: +people-leadership -risk-judgement'],
      rolesAdded: ['managing-director'],
      rolesRemoved: ['head-of-function'],
      targetsChanged: ['senior-manager: strategic-foresight Practised -> Advanced, change-leadership Foundational -> none'],
    });
  });

  it('compares each older edition with the one before it', () => {
    const [, latest, oldest] = editions();
    expect(summary(editionChanges(latest!, oldest!))).toEqual({
      pagesAdded: ['coaching/peer-circles', 'external/business-school'],
      pagesRemoved: [],
      pagesRetitled: [],
      competenciesAdded: [],
      competenciesRemoved: [],
      competenciesRenamed: [],
      developsChanged: ['internal/job-rotation: + -change-leadership'],
      rolesAdded: ['head-of-function', 'senior-manager'],
      rolesRemoved: [],
      targetsChanged: [],
    });
  });

  it('finds nothing between an edition and itself', () => {
    const [current] = editions();
    expect(isUnchanged(editionChanges(current!, current!))).toBe(true);
  });

  it('leaves out what a public build does not publish', () => {
    const [current, latest] = editions('public');
    expect(summary(editionChanges(current!, latest!))).toEqual({
      pagesAdded: [],
      pagesRemoved: [],
      pagesRetitled: [],
      competenciesAdded: [],
      competenciesRemoved: [],
      competenciesRenamed: ['risk-judgement: Risk judgment -> Risk judgement'],
      developsChanged: [],
      rolesAdded: [],
      rolesRemoved: [],
      targetsChanged: [],
    });
  });
});

describe('previousEdition', () => {
  it('is the next older edition, and none for the oldest', () => {
    const all = editions();
    expect(all.map((site) => `${site.label} <- ${previousEdition(all, site)?.label ?? 'none'}`)).toEqual(['current <- 2025.2', '2025.2 <- 2025.1', '2025.1 <- none']);
  });
});
