// If this breaks, a link that the check accepts leads to a 404, or two spellings of the same
// page (`internal`, `internal/index`) are treated as two pages: the URL scheme and the
// meaning of a written link are decided here, once, for the checker and the renderer alike.
import { describe, expect, it } from 'vitest';
import { canonicalPageId, editionPrefix, isReservedPageId, pageIdOf, resolvePageLink, sitePaths } from '../../plugins/playbook/index.ts';

describe('page ids', () => {
  it('name a folder page by its folder, in either spelling', () => {
    expect(['internal/index', 'internal', 'index', 'a/b/index'].map(canonicalPageId)).toEqual(['internal', 'internal', 'index', 'a/b']);
    expect(['internal/index.mdx', 'index.md', 'coaching/peer-circles.mdx'].map(pageIdOf)).toEqual(['internal', 'index', 'coaching/peer-circles']);
  });

  it('refuse the URLs of the generator\'s own pages', () => {
    const ids = ['search', 'changes', '404', 'competencies', 'competencies/x', 'v', 'v/2025.2', 'searching', 'guide/search'];
    expect(ids.filter(isReservedPageId)).toEqual(['search', 'changes', '404', 'competencies', 'competencies/x', 'v', 'v/2025.2']);
  });
});

describe('site paths', () => {
  it('end every page in a slash, under the edition\'s prefix', () => {
    const older = editionPrefix({ isCurrent: false, label: '2025.2' });
    expect([editionPrefix({ isCurrent: true, label: 'current' }), older]).toEqual(['', 'v/2025.2/']);
    expect([sitePaths.page('index'), sitePaths.page('internal/index'), sitePaths.competency('resilience'), sitePaths.layer('coaching'), sitePaths.layer('coaching', 3), sitePaths.changes]).toEqual(['', 'internal/', 'competencies/resilience/', 'coaching/', 'coaching/page/3/', 'changes/']);
  });
});

describe('resolvePageLink', () => {
  const from = 'playbook/internal/leadership-lab.mdx';
  it.each([
    ['./rotation.mdx', { kind: 'page', id: 'internal/rotation', anchor: '' }],
    ['../coaching/peer-circles.md#how-it-works', { kind: 'page', id: 'coaching/peer-circles', anchor: 'how-it-works' }],
    ['./index.mdx', { kind: 'page', id: 'internal', anchor: '' }],
    ['#agenda', { kind: 'same-page', anchor: 'agenda' }],
    ['/internal/rotation/', { kind: 'page', id: 'internal/rotation', anchor: '' }],
    ['/internal/index/', { kind: 'page', id: 'internal', anchor: '' }],
    ['/', { kind: 'page', id: 'index', anchor: '' }],
    ['/competencies/resilience/#levels', { kind: 'competency', id: 'resilience', anchor: 'levels' }],
    ['/v/2025.2/internal/rotation/', { kind: 'generated', path: 'v/2025.2/internal/rotation', anchor: '' }],
    ['/search/', { kind: 'generated', path: 'search', anchor: '' }],
    ['../../competencies/resilience.md', { kind: 'outside', reason: 'competency-file' }],
    ['../../../secrets.md', { kind: 'outside', reason: 'outside' }],
    ['/internal/x.mdx', { kind: 'outside', reason: 'absolute-path' }],
    ['https://example.org/a.md', { kind: 'external' }],
    ['mailto:talent@example.org', { kind: 'external' }],
    ['./photo.png', { kind: 'external' }],
  ])('reads `%s` as the page or place it names', (url, expected) => {
    expect(resolvePageLink(url, from)).toEqual(expected);
  });
});
