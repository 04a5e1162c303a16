// If this breaks, a leader looking at a role sees the wrong targets or the wrong route (steps
// missing, out of order, without their dates), a target nothing reaches goes unmentioned, the
// levels grid loses a level or an initiative, a competency page stops saying which roles need
// it, an initiative page hides when it runs, or the plan builder is missing or loads its
// script on every page.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult, listFiles, projectRoot, readPage } from '../helpers/build-site.ts';

const content = path.join(projectRoot, 'test/astro-trellis/fixtures/roles/content');
let build: BuildResult;

beforeAll(() => {
  build = buildSite(content);
  expect(build.stderr).not.toMatch(/\n\s+at /);
  expect(build.status).toBe(0);
});
afterAll(() => fs.rmSync(build.outDir, { recursive: true, force: true }));

function mainOf(urlPath: string): string {
  return /<main[^>]*>([\s\S]*)<\/main>/.exec(readPage(build.outDir, urlPath))![1]!;
}

/** The route as a reader reads it: each step's title, kind, what it develops and its facts. */
function routeSteps(urlPath: string): string[] {
  const list = /<ol class="route-steps">([\s\S]*?)<\/ol>/.exec(mainOf(urlPath))?.[1] ?? '';
  return [...list.matchAll(/<li class="route-step[^"]*">([\s\S]*?)<\/li>/g)].map(([, step]) => step!.replace(/<\/dd>/g, ';').replace(/<\/dt>/g, ': ').replace(/<\/h3>/g, ' | ').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
}

describe('a role page', () => {
  it('shows the route from the role it grows from, each step with its duration, commitment and next intake', () => {
    expect(routeSteps('/roles/divisional-director/')).toEqual([
      'Leadership lab Internal programme | Needed first for Business school programme; skip it if you have already taken it.Duration: 6 months;Commitment: About 60 hours over six months;Next intake: 1 February 2027;',
      'Business school programme External partnership | Develops Strategic foresight to Advanced and Stakeholder management to Practitioner.Duration: 9 months;Commitment: Six hours of study a week;Next intake: 13 September 2027;',
    ]);
    const main = mainOf('/roles/divisional-director/');
    expect(main).toContain('<p class="eyebrow">Role · grows from Senior manager</p>');
    expect(main).toContain('From the levels a <a href="/roles/senior-manager/">senior manager</a> needs, 2 steps lead to these targets');
    expect(main).toContain('In all about 1 year 3 months if taken one after another.');
    expect(main).toContain('<a href="/plan/?role=divisional-director&amp;from=senior-manager">Plan your own route</a>');
  });

  it('calls out a target no initiative reaches', () => {
    const main = mainOf('/roles/managing-director/');
    expect(main).toContain('<h3 id="route-gaps">Not reached by any initiative</h3><ul><li><a href="/competencies/strategic-foresight/">Strategic foresight</a> at Expert: no initiative develops it beyond Advanced.');
    expect(routeSteps('/roles/managing-director/').map((step) => step.split(' |')[0])).toEqual(['Leadership lab Internal programme', 'Business school programme External partnership', 'Board apprenticeship External partnership']);
  });

  it('draws the target profile as an accessible chart, and gives the same targets as a table', () => {
    const main = mainOf('/roles/senior-manager/');
    expect(main).toContain('role="img" aria-labelledby="diagram-profile-senior-manager-title diagram-profile-senior-manager-desc"');
    expect(main).toContain('<desc id="diagram-profile-senior-manager-desc">Senior manager needs Strategic foresight at Practised, level 2 of 4; Stakeholder management at Foundational, level 1 of 3.</desc>');
    expect(main.match(/class="diagram-profile-on"/g)).toHaveLength(3);
    expect(main.match(/class="diagram-profile-off"/g)).toHaveLength(4);
    expect(main).toContain('<tr><th scope="row"><a href="/competencies/strategic-foresight/">Strategic foresight</a></th><td>Practised</td><td>Runs a horizon scan for their area.</td></tr>');
  });

  it('lists the roles as ladders, from the first rung up', () => {
    const main = mainOf('/roles/');
    expect(main).toContain('<h2 id="ladder-1">Senior manager to Managing director</h2>');
    expect([...main.matchAll(/<h3><a href="([^"]+)">/g)].map((match) => match[1])).toEqual(['/roles/senior-manager/', '/roles/divisional-director/', '/roles/managing-director/']);
  });
});

describe('the levels grid', () => {
  it('has a cell per level with its description, the initiatives that develop to it (internal, external, coaching) and the roles that need it', () => {
    const main = mainOf('/competencies/levels/');
    expect(main).toContain('<thead><tr><th scope="col">Competency</th><th scope="col">Level 1</th><th scope="col">Level 2</th><th scope="col">Level 3</th></tr></thead>');
    expect(main).toContain('<td><span class="level-name">Practitioner</span><p>Brings the key stakeholders along on contested calls.</p><ul aria-label="Initiatives that develop Stakeholder management to Practitioner"><li><a href="/external/business-school/">Business school programme</a></li><li><a href="/coaching/peer-circles/">Peer coaching circles</a></li></ul><p class="muted">Needed by Divisional director.</p></td>');
    expect(main).toContain('<span class="level-name">Expert</span><p>Shapes the group&#39;s view of the next decade.</p><p class="muted">No initiative develops it to this level yet.</p><p class="muted">Needed by Managing director.</p>');
    expect(main).toContain('These competencies have no levels yet: <a href="/competencies/risk-judgement/">Risk judgement</a>.');
  });
});

describe('a competency page', () => {
  it('says which roles need it and at what level, and the level each initiative develops it to', () => {
    const main = mainOf('/competencies/stakeholder-management/');
    expect(main).toContain('<h2 id="needed-by">Roles that need it</h2><ul><li><a href="/roles/divisional-director/">Divisional director</a> needs it at <strong>Practitioner</strong></li><li><a href="/roles/managing-director/">Managing director</a> needs it at <strong>Expert</strong></li><li><a href="/roles/senior-manager/">Senior manager</a> needs it at <strong>Foundational</strong></li></ul>');
    expect(main).toContain('<a href="/external/board-apprenticeship/">Board apprenticeship</a> <span class="develops-level">to Expert</span>');
    expect(mainOf('/competencies/risk-judgement/')).not.toContain('Roles that need it');
  });
});

describe('an initiative page', () => {
  it('shows its practical fields, the next intake only, and the roles whose route takes it', () => {
    const panel = /<dl data-pagefind-ignore>([\s\S]*?)<\/dl>/.exec(mainOf('/internal/leadership-lab/'))![1]!;
    expect(panel).toContain('<dt>Duration</dt><dd>6 months</dd><dt>Commitment</dt><dd>About 60 hours over six months</dd><dt>Next intake</dt><dd><time datetime="2027-02-01">1 February 2027</time></dd><dt>Places</dt><dd>24 per intake</dd><dt>Who can take part</dt><dd>Senior managers in their first year in role.</dd><dt>Contact</dt><dd><a href="mailto:leadership.lab@corvane.example">leadership.lab@corvane.example</a></dd>');
    expect(panel).toContain('<dt>On the route to</dt><dd><ul><li><a href="/roles/divisional-director/">Divisional director</a></li><li><a href="/roles/managing-director/">Managing director</a></li><li><a href="/roles/senior-manager/">Senior manager</a></li></ul></dd>');
    expect(panel).toContain('<li><a href="/competencies/stakeholder-management/">Stakeholder management</a> to Foundational</li>');
    expect(mainOf('/external/business-school/')).toContain('<span>Partner since <time datetime="2020-09-01">2020-09-01</time></span>');
    expect(mainOf('/coaching/peer-circles/')).not.toContain('On the route to');
  });
});

describe('the route and levels diagrams', () => {
  it('draw the route and the levels in a page body', () => {
    const home = mainOf('/');
    expect(home).toContain('<desc id="diagram-route-');
    expect(home).toMatch(/From the levels a senior manager needs, the route to Divisional director takes 2 steps: Leadership lab, then Business school programme\.<\/desc>/);
    expect(home).toMatch(/Strategic foresight has 4 levels, in order of proficiency\. Foundational: Leadership lab\. Practised: Rotation programme\. Advanced: Business school programme\. Expert: no initiative develops it to this level\.<\/desc>/);
    expect(home).toContain('<a href="/roles/divisional-director/">a director</a>');
  });
});

describe('the plan builder', () => {
  it('is one page, whose script no other page loads, with its data as a JSON block', () => {
    const plan = readPage(build.outDir, '/plan/');
    const script = /type="module" src="(\/_astro\/PlanView[^"]+)"/.exec(plan)?.[1];
    expect(script).toBeDefined();
    const others = listFiles(build.outDir).filter((file) => file.endsWith('.html') && file !== 'plan/index.html');
    expect(others.filter((file) => fs.readFileSync(path.join(build.outDir, file), 'utf8').includes(script!))).toEqual([]);
    const data = JSON.parse(/<script type="application\/json" id="plan-data">([\s\S]*?)<\/script>/.exec(plan)![1]!);
    expect(data.roles.map((role: { id: string }) => role.id)).toEqual(['divisional-director', 'managing-director', 'senior-manager']);
    expect(data.initiatives.find((initiative: { id: string }) => initiative.id === 'internal/leadership-lab')).toEqual({
      id: 'internal/leadership-lab', layer: 'internal', develops: [{ competency: 'strategic-foresight', level: 0 }, { competency: 'stakeholder-management', level: 0 }], prerequisites: [],
      title: 'Leadership lab', url: '/internal/leadership-lab/', duration: '6 months', commitment: 'About 60 hours over six months', intakes: ['2026-10-05', '2027-02-01', '2027-06-07'],
    });
  });
});
