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
    const ids = ['search', 'changes', '404', 'competencies', 'competencies/x', 'v', 'v/2025.2', 'searching', 'guide/search', 'pagefind/x', 'Sitemap.xml', 'search-terms.json', 'playbook.pdf', 'guide/sitemap.xml'];
    expect(ids.filter(isReservedPageId)).toEqual(['search', 'changes', '404', 'competencies', 'competencies/x', 'v', 'v/2025.2', 'pagefind/x', 'Sitemap.xml', 'search-terms.json', 'playbook.pdf']);
  });
});

describe('site paths', () => {
  it('end every page in a slash, under the edition\'s prefix', () => {
    const older = editionPrefix({ isCurrent: false, label: '2025.2' });
    expect([editionPrefix({ isCurrent: true, label: 'current' }), older]).toEqual(['', 'v/2025.2/']);
    expect([sitePaths.page('index'), sitePaths.page('internal/index'), sitePaths.competency('resilience'), sitePaths.layer('coaching'), sitePaths.layer('coaching', 3), sitePaths.changes]).toEqual(['', 'internal/', 'competencies/resilience/', 'coaching/', 'coaching/page/3/', 'changes/']);
  });

  it('lowercase each segment of a page\'s or file\'s name and turn its spaces into hyphens', () => {
    expect(['Team_Rituals/Onboarding Guide', 'v2.0/code_of_conduct', 'Handbook/index', 'README'].map(sitePaths.page)).toEqual(['team_rituals/onboarding-guide/', 'v2.0/code_of_conduct/', 'handbook/', 'readme/']);
    expect(sitePaths.asset('Team_Rituals/Org Chart.PNG')).toBe('team_rituals/org-chart.png');
    expect(['Search', 'Competencies/Index', 'searching'].filter(isReservedPageId)).toEqual(['Search', 'Competencies/Index']);
  });
});

describe('resolvePageLink', () => {
  const from = 'playbook/internal/leadership-lab.mdx';
  it.each([
    ['./rotation.mdx', { kind: 'page', id: 'internal/rotation', anchor: '' }],
    ['../coaching/peer-circles.md#how-it-works', { kind: 'page', id: 'coaching/peer-circles', anchor: 'how-it-works' }],
    ['./index.mdx', { kind: 'page', id: 'internal', anchor: '' }],
    ['#agenda', { kind: 'same-page', anchor: 'agenda' }],
    ['/internal/rotation/', { kind: 'site-page', path: 'internal/rotation', anchor: '' }],
    ['/internal/index/', { kind: 'site-page', path: 'internal', anchor: '' }],
    ['/Team_Rituals/Onboarding%20Guide/#Agenda', { kind: 'site-page', path: 'team_rituals/onboarding-guide', anchor: 'Agenda' }],
    ['./Onboarding%20Guide.md', { kind: 'page', id: 'internal/Onboarding Guide', anchor: '' }],
    ['../v2.0/code_of_conduct.md#Scope', { kind: 'page', id: 'v2.0/code_of_conduct', anchor: 'Scope' }],
    ['./design', { kind: 'folder', id: 'internal/design', file: 'playbook/internal/design', anchor: '' }],
    ['./design/#goals', { kind: 'folder', id: 'internal/design', file: 'playbook/internal/design', anchor: 'goals' }],
    ['../', { kind: 'folder', id: 'index', file: 'playbook', anchor: '' }],
    ['/', { kind: 'page', id: 'index', anchor: '' }],
    ['/competencies/resilience/#levels', { kind: 'competency', id: 'resilience', anchor: 'levels' }],
    ['/v/2025.2/internal/rotation/', { kind: 'generated', path: 'v/2025.2/internal/rotation', anchor: '' }],
    ['/search/', { kind: 'generated', path: 'search', anchor: '' }],
    ['../../competencies/resilience.md', { kind: 'outside', reason: 'competency-file' }],
    ['../../../secrets.md', { kind: 'outside', reason: 'outside' }],
    ['/internal/x.mdx', { kind: 'outside', reason: 'absolute-path' }],
    ['https://example.org/a.md', { kind: 'external' }],
    ['mailto:talent@example.org', { kind: 'external' }],
    ['./photo.png', { kind: 'file', file: 'playbook/internal/photo.png', anchor: '' }],
    ['./Team%20Photo.PNG?raw=true', { kind: 'file', file: 'playbook/internal/Team Photo.PNG', anchor: '' }],
  ])('reads `%s` as the page or place it names', (url, expected) => {
    expect(resolvePageLink(url, from)).toEqual(expected);
  });
});
