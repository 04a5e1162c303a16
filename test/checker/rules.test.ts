// If this breaks, authors see wrong, missing or misplaced problems in `npm run check` and in
// the build: a typo in an id or a link would reach the published site, or a correct
// playbook would fail to build.
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../plugins/checker/index.ts';
import { checkFixture, fixtureContent, shownFixture, today } from './helpers.ts';

/** The public check of `reference-not-public`: every reference from public to internal content. */
const PUBLIC = [
  'competencies/strategic-foresight.md:6:11-6:25: Public competency `strategic-foresight` refers to competency `risk-judgement`, which is not public and is left out of a public build; make `risk-judgement` public (`visibility: public`) or remove this reference. [error reference-not-public]',
  'playbook/internal/leadership-lab.mdx:6:33-6:47: Public page `internal/leadership-lab` refers to competency `risk-judgement`, which is not public and is left out of a public build; make `risk-judgement` public (`visibility: public`) or remove this reference. [error reference-not-public]',
  'playbook/internal/leadership-lab.mdx:7:17-7:35: Public page `internal/leadership-lab` refers to page `internal/induction`, which is not public and is left out of a public build; make `internal/induction` public (`visibility: public`) or remove this reference. [error reference-not-public]',
  'playbook/internal/leadership-lab.mdx:9:7-9:39: Public page `internal/leadership-lab` refers to page `internal/induction`, which is not public and is left out of a public build; make `internal/induction` public (`visibility: public`) or remove this reference. [error reference-not-public]',
  'playbook/internal/leadership-lab.mdx:9:74-9:101: Public page `internal/leadership-lab` refers to competency `risk-judgement`, which is not public and is left out of a public build; make `risk-judgement` public (`visibility: public`) or remove this reference. [error reference-not-public]',
];

describe('cross-reference rules, one fixture each', () => {
  it('names the unknown competency in `develops`, `related` and `:competency[]`, with the closest id', () => {
    expect(shownFixture('unknown-competency')).toEqual([
      'competencies/strategic-foresight.md:5:27-5:45: Unknown competency `strategic-forsight`; did you mean `strategic-foresight`? [error unknown-competency]',
      'playbook/internal/leadership-lab.mdx:5:12-5:30: Unknown competency `strategic-forsight`; did you mean `strategic-foresight`? [error unknown-competency]',
      'playbook/internal/leadership-lab.mdx:7:16-7:42: Unknown competency `risk-judgment`; did you mean `risk-judgement`? [error unknown-competency]',
      'playbook/internal/secondments.md:7:5-7:21: Unknown competency `../../etc/passwd`; a competency id is the name of a file in `competencies/` without its extension, such as `risk-judgement`. [error unknown-competency]',
      'playbook/internal/secondments.md:8:5-8:21: Unknown competency `people-analytics`; add `competencies/people-analytics.md` or name an existing competency. [error unknown-competency]',
      'playbook/internal/secondments.md:10:21-10:55: Unknown competency `Strategic-Foresight`; did you mean `strategic-foresight`? [error unknown-competency]',
      'playbook/internal/secondments.md:10:60-10:73: Reference `:competency` names no competency; write its id in the brackets, such as `:competency[risk-judgement]`. [error unknown-competency]',
    ]);
  });

  it('names the unknown page in `prerequisites`, `metrics` and `:page[]`, accepting folder indexes', () => {
    expect(shownFixture('unknown-page-reference')).toEqual([
      'playbook/internal/rotation.mdx:6:17-6:39: Unknown page `internal/leadrship-lab`; did you mean `internal/leadership-lab`? [error unknown-page-reference]',
      'playbook/internal/rotation.mdx:6:41-6:68: Unknown page `internal/leadership-lab.mdx`; did you mean `internal/leadership-lab`? [error unknown-page-reference]',
      'playbook/internal/rotation.mdx:7:11-7:41: Unknown page `measurement/succesion-velocity`; did you mean `measurement/succession-velocity`? [error unknown-page-reference]',
      'playbook/internal/rotation.mdx:7:43-7:70: Unknown page `measurement/nothing-like-it`; write the id of a page of this edition: its path under `playbook/` without the extension. [error unknown-page-reference]',
      'playbook/internal/rotation.mdx:10:6-10:30: Unknown page `internal/rotatoin`; did you mean `internal/rotation`? [error unknown-page-reference]',
      'playbook/internal/rotation.mdx:10:38-10:67: Unknown page `../../../../etc/passwd`; write the id of a page of this edition: its path under `playbook/` without the extension. [error unknown-page-reference]',
    ]);
  });

  it('rejects a metric that is not a measurement page', () => {
    expect(shownFixture('metrics-not-measurement')).toEqual([
      'playbook/internal/leadership-lab.mdx:8:5-8:28: Metric `guide/choosing-a-format` is a page of layer `guide`, not `measurement`; list only pages of layer `measurement` in `metrics`. [error metrics-not-measurement]',
    ]);
  });

  it('names each cycle once, whole, at the item that closes it', () => {
    expect(shownFixture('prerequisite-cycle')).toEqual([
      'playbook/internal/c.mdx:6:17-6:27: Prerequisites form a cycle `internal/a -> internal/b -> internal/c -> internal/a`; remove one of these prerequisites so that the pages can be taken in order. [error prerequisite-cycle]',
      'playbook/internal/d.mdx:6:17-6:27: Prerequisites form a cycle `internal/d -> internal/d`; remove one of these prerequisites so that the pages can be taken in order. [error prerequisite-cycle]',
      'playbook/internal/g.mdx:6:17-6:27: Prerequisites form a cycle `internal/f -> internal/g -> internal/f`; remove one of these prerequisites so that the pages can be taken in order. [error prerequisite-cycle]',
    ]);
  });

  it('reports an external page without partner once, and leaves a partner without evaluation to load', () => {
    expect(shownFixture('external-without-partner')).toEqual([
      'playbook/external/business-school.mdx:4:8-4:16: Page of layer `external` has no `partner`; add `partner:` with its `name` and `evaluation` (and `contract_end` if there is one). [error external-without-partner]',
      'playbook/external/industry-council.mdx:7:3-9:1: Missing required field `partner.evaluation`; say how and when the partnership is evaluated. [error partner-without-evaluation]',
    ]);
  });

  it('checks relative and site-absolute links, anchors, images and definitions, ignoring other sites', () => {
    expect(shownFixture('broken-page-link')).toEqual([
      'playbook/internal/rotation.mdx:13:1-13:27: Link `./leadrship-lab.mdx` names no page; did you mean `./leadership-lab.mdx`? [error broken-page-link]',
      'playbook/internal/rotation.mdx:13:28-13:80: Anchor `#target` names no heading of page `measurement/promotion-readiness`; did you mean `#targets`? [error broken-anchor]',
      'playbook/internal/rotation.mdx:13:81-13:100: Anchor `#how-it-wrks` names no heading of this page; did you mean `#how-it-works`? [error broken-anchor]',
      'playbook/internal/rotation.mdx:14:1-14:32: Link `/internal/leadership-lb/` names no page; did you mean `/internal/leadership-lab/`? [error broken-page-link]',
      'playbook/internal/rotation.mdx:14:33-14:69: Anchor `#who` names no heading of page `internal/leadership-lab`; link to one of the headings of page `internal/leadership-lab`, or leave the `#` part out. [error broken-anchor]',
      'playbook/internal/rotation.mdx:14:70-14:105: Link `/competencies/risk-judgment/` names no page; did you mean `/competencies/risk-judgement/`? [error broken-page-link]',
      'playbook/internal/rotation.mdx:14:106-14:125: Link `/governance/` names no page; link to a page as `/internal/leadership-lab/` or with a relative path to its file. [error broken-page-link]',
      'playbook/internal/rotation.mdx:14:126-14:164: Anchor `#caf--costs` names no heading of page `internal/leadership-lab`; did you mean `#café--costs`? [error broken-anchor]',
      'playbook/internal/rotation.mdx:15:1-15:24: Link `./leadership-lab` names no page; did you mean `./leadership-lab.mdx`? [error broken-page-link]',
      'playbook/internal/rotation.mdx:15:25-15:53: Link `./missing-picture.png` names no file; check the file name and folder. [error broken-page-link]',
      'playbook/internal/rotation.mdx:15:54-15:73: Image `./chart.png` names no file; check the file name and folder. [error broken-page-link]',
      'playbook/internal/rotation.mdx:17:1-17:45: Link `../measurement/promotion-readines.mdx` names no page; did you mean `../measurement/promotion-readiness.mdx`? [error broken-page-link]',
      'playbook/internal/rotation.mdx:19:30-19:43: Link `/plan/` names a page this edition does not have: the roles and the plan builder are written only for an edition with roles; add a role in `roles/`, or remove the link. [error broken-page-link]',
      'playbook/internal/rotation.mdx:19:44-19:78: Link `/roles/divisional-director/` names no page; link to a page as `/internal/leadership-lab/` or with a relative path to its file. [error broken-page-link]',
      'playbook/internal/rotation.mdx:19:79-19:107: Link `/competencies/levels/` names a page this edition does not have: the levels grid is written only when a competency has `levels`; add levels to a competency, or remove the link. [error broken-page-link]',
    ]);
  });

  it('rejects links that leave the edition or name a path on a computer', () => {
    expect(shownFixture('link-outside-content')).toEqual([
      'playbook/internal/leadership-lab.mdx:7:1-7:31: Link `../../../../etc/passwd.md` points outside `playbook/`; link only to pages and files of this edition, and to other sites by their full `https://` address. [error link-outside-content]',
      'playbook/internal/leadership-lab.mdx:8:1-8:28: Link `../../../../etc/passwd` points outside `playbook/`; link only to pages and files of this edition, and to other sites by their full `https://` address. [error link-outside-content]',
      'playbook/internal/leadership-lab.mdx:9:1-9:20: Link `/etc/passwd.md` is a path on a computer, which readers of the site cannot open; link to a page with a relative path such as `./leadership-lab.mdx`. [error link-outside-content]',
      'playbook/internal/leadership-lab.mdx:10:1-10:17: Link `/etc/passwd` is a path on a computer, which readers of the site cannot open; link to a page with a relative path such as `./leadership-lab.mdx`. [error link-outside-content]',
      'playbook/internal/leadership-lab.mdx:11:1-11:24: Link `file:///etc/passwd` is a path on a computer, which readers of the site cannot open; link to a page with a relative path such as `./leadership-lab.mdx`. [error link-outside-content]',
      'playbook/internal/leadership-lab.mdx:12:1-12:24: Link `C:\\Users\\me\\lab.md` is a path on a computer, which readers of the site cannot open; link to a page with a relative path such as `./leadership-lab.mdx`. [error link-outside-content]',
      'playbook/internal/leadership-lab.mdx:13:1-13:42: Link `../../competencies/risk-judgement.md` points at a competency\'s file, which the site does not publish; write `:competency[id]` or link to `/competencies/<id>/` instead. [error link-outside-content]',
      'playbook/internal/leadership-lab.mdx:14:1-14:21: Link `../../README.md` points outside `playbook/`; link only to pages and files of this edition, and to other sites by their full `https://` address. [error link-outside-content]',
      'playbook/internal/leadership-lab.mdx:15:1-15:26: Image `../../../secret.png` points outside `playbook/`; link only to pages and files of this edition, and to other sites by their full `https://` address. [error link-outside-content]',
    ]);
  });

  it('rejects every kind of reference from published content to a draft, but not between drafts', () => {
    expect(shownFixture('reference-to-draft')).toEqual([
      'competencies/people-leadership.md:6:14-6:40: Page `internal/future-lab` is a draft and will not be published; publish it (remove `status: draft`) or remove this reference. [error reference-to-draft]',
      'playbook/internal/leadership-lab.mdx:6:17-6:36: Page `internal/future-lab` is a draft and will not be published; publish it (remove `status: draft`) or remove this reference. [error reference-to-draft]',
      'playbook/internal/leadership-lab.mdx:8:12-8:38: Page `internal/future-lab` is a draft and will not be published; publish it (remove `status: draft`) or remove this reference. [error reference-to-draft]',
      'playbook/internal/leadership-lab.mdx:8:44-8:72: Page `internal/future-lab` is a draft and will not be published; publish it (remove `status: draft`) or remove this reference. [error reference-to-draft]',
      'playbook/internal/leadership-lab.mdx:8:77-8:115: Page `internal/future-lab` is a draft and will not be published; publish it (remove `status: draft`) or remove this reference. [error reference-to-draft]',
    ]);
  });

  it('warns about passed review and contract dates in the current edition only', () => {
    expect(shownFixture('dates')).toEqual([
      'playbook/external/business-school.mdx:8:17-8:27: Partner contract ended on `2025-12-31`; record the renewed `contract_end`, or retire the page if the partnership is over. [warning contract-expired]',
      'playbook/internal/leadership-lab.mdx:6:12-6:22: Review date `2026-06-14` has passed; review the page, then set `review_by` to the date of the next review. [warning review-overdue]',
      'playbook/internal/public-lab.mdx:6:12-6:22: Review date `2026-01-01` has passed; review the page, then set `review_by` to the date of the next review. [warning review-overdue]',
    ]);
  });

  it('warns about competencies no published initiative develops, in the current edition only', () => {
    expect(shownFixture('uncovered-competency')).toEqual([
      'competencies/digital-fluency.md:2:7-2:22: Competency `digital-fluency` is not developed by any initiative; add it to the `develops` list of an internal, external or coaching page, or retire it. [warning uncovered-competency]',
      'competencies/people-leadership.md:2:7-2:24: Competency `people-leadership` is not developed by any initiative; add it to the `develops` list of an internal, external or coaching page, or retire it. [warning uncovered-competency]',
      'competencies/risk-judgement.md:2:7-2:21: Competency `risk-judgement` is not developed by any initiative; add it to the `develops` list of an internal, external or coaching page, or retire it. [warning uncovered-competency]',
    ]);
  });

  it('resolves ids and site links inside the edition of the file, and `/v/<label>/` in that edition', () => {
    expect(shownFixture('editions')).toEqual([
      'playbook/internal/leadership-lab.mdx:5:49-5:67: Unknown competency `retired-capability`; add `competencies/retired-capability.md` or name an existing competency. [error unknown-competency]',
      'playbook/internal/leadership-lab.mdx:7:116-7:159: Link `/v/2025.2/internal/old-lb/` names no page; did you mean `/v/2025.2/internal/old-lab/`? [error broken-page-link]',
      'playbook/internal/leadership-lab.mdx:8:5-8:61: Link `/v/2019.1/internal/old-lab/` names no edition; did you mean `/v/2025.2/`? [error broken-page-link]',
      'versions/2025.2/playbook/internal/old-lab.mdx:5:53-5:67: Unknown competency `risk-judgement` in edition `2025.2`; add `competencies/risk-judgement.md` or name an existing competency. [error unknown-competency]',
      'versions/2025.2/playbook/internal/old-lab.mdx:8:11-8:41: Unknown page `internal/leadership-lab` in edition `2025.2`; write the id of a page of this edition: its path under `playbook/` without the extension. [error unknown-page-reference]',
    ]);
  });

  it('checks roles and levels: targets, `grows_from`, `develops` levels, route and levels diagrams, role links, and passed intakes', () => {
    expect(shownFixture('roles')).toEqual([
      'competencies/change-leadership.md:2:7-2:24: Competency `change-leadership` is not developed by any initiative; add it to the `develops` list of an internal, external or coaching page, or retire it. [warning uncovered-competency]',
      'playbook/external/business-school.md:7:34-7:46: Unknown level `Foundational`: competency `risk-judgement` has no levels; add `levels` to `competencies/risk-judgement.md`, or leave the level out. [error unknown-level]',
      'playbook/external/business-school.md:8:11-8:29: Unknown competency `strategic-forsight`; did you mean `strategic-foresight`? [error unknown-competency]',
      'playbook/guide/routes.md:7:1-7:24: Route diagram has no `role`; name the role it leads to, as in `::diagram{type="route" role="divisional-director"}`. [error invalid-diagram]',
      'playbook/guide/routes.md:9:30-9:43: Unknown role `senior-manger`; did you mean `senior-manager`? [error unknown-role]',
      'playbook/guide/routes.md:13:1-13:25: Levels diagram has no `competency`; name the competency whose levels it shows, as in `::diagram{type="levels" competency="strategic-foresight"}`. [error invalid-diagram]',
      'playbook/guide/routes.md:15:37-15:55: Unknown competency `strategic-forsight`; did you mean `strategic-foresight`? [error unknown-competency]',
      'playbook/index.md:7:41-7:81: Link `/roles/senior-manger/` names no page; did you mean `/roles/senior-manager/`? [error broken-page-link]',
      'playbook/internal/leadership-lab.md:6:70-6:81: Unknown level `Practitionr` of competency `stakeholder-management`; did you mean `Practitioner`? [error unknown-level]',
      'playbook/internal/leadership-lab.md:7:10-7:34: Every intake has passed, the last on `2026-03-01`; add the dates of the next intakes, or remove `intakes` if the initiative now runs on request. [warning intakes-passed]',
      'roles/divisional-director.md:5:24-5:30: Target `Expert` in `strategic-foresight` is unreachable: no initiative develops `strategic-foresight` beyond `Advanced`; add `{ id: strategic-foresight, level: Expert }` to the `develops` of an initiative that gets leaders there, or lower the target. [warning unreachable-target]',
      'roles/divisional-director.md:6:27-6:37: Unknown level `Practioner` of competency `stakeholder-management`; did you mean `Practitioner`? [error unknown-level]',
      'roles/divisional-director.md:7:19-7:27: Unknown level `Advanced`: competency `risk-judgement` has no levels; add `levels` to `competencies/risk-judgement.md`, or remove this target. [error unknown-level]',
      'roles/divisional-director.md:8:3-8:21: Unknown competency `strategic-forsight`; did you mean `strategic-foresight`? [error unknown-competency]',
      'roles/divisional-director.md:9:14-9:27: Unknown role `senior-manger`; did you mean `senior-manager`? [error unknown-role]',
      'roles/divisional-director.md:11:8-11:34: Unknown competency `risk-judgment`; did you mean `risk-judgement`? [error unknown-competency]',
      'roles/managing-director.md:6:24-6:30: Unknown level `Master` of competency `strategic-foresight`; use one of `Foundational`, `Practised`, `Advanced`, `Expert`, or remove this target. [error unknown-level]',
      'roles/managing-director.md:8:22-8:28: Target `Expert` in `change-leadership` is unreachable: no initiative develops `change-leadership`; add `{ id: change-leadership, level: Expert }` to the `develops` of an initiative that gets leaders there, or lower the target. [warning unreachable-target]',
    ]);
  });

  it('in a public check, refuses a public role or page that refers to an internal competency or role, and counts only public initiatives', () => {
    const shown = shownFixture('roles', 'public');
    expect(shown.filter((line) => line.endsWith('[error reference-not-public]'))).toEqual([
      'playbook/guide/routes.md:11:30-11:49: Public page `guide/routes` refers to role `divisional-director`, which is not public and is left out of a public build; make `divisional-director` public (`visibility: public`) or remove this reference. [error reference-not-public]',
      'playbook/guide/routes.md:17:37-17:59: Public page `guide/routes` refers to competency `stakeholder-management`, which is not public and is left out of a public build; make `stakeholder-management` public (`visibility: public`) or remove this reference. [error reference-not-public]',
      'playbook/internal/leadership-lab.md:6:39-6:61: Public page `internal/leadership-lab` refers to competency `stakeholder-management`, which is not public and is left out of a public build; make `stakeholder-management` public (`visibility: public`) or remove this reference. [error reference-not-public]',
      'roles/managing-director.md:7:3-7:25: Public role `managing-director` refers to competency `stakeholder-management`, which is not public and is left out of a public build; make `stakeholder-management` public (`visibility: public`) or remove this reference. [error reference-not-public]',
      'roles/managing-director.md:10:5-10:24: Public role `managing-director` refers to role `divisional-director`, which is not public and is left out of a public build; make `divisional-director` public (`visibility: public`) or remove this reference. [error reference-not-public]',
      'roles/senior-manager.md:7:3-7:25: Public role `senior-manager` refers to competency `stakeholder-management`, which is not public and is left out of a public build; make `stakeholder-management` public (`visibility: public`) or remove this reference. [error reference-not-public]',
    ]);
    expect(shown.filter((line) => line.endsWith('[warning unreachable-target]'))).toEqual([
      'roles/managing-director.md:8:22-8:28: Target `Expert` in `change-leadership` is unreachable: no public initiative develops `change-leadership`; add `{ id: change-leadership, level: Expert }` to the `develops` of an initiative that gets leaders there, or lower the target. [warning unreachable-target]',
      'roles/senior-manager.md:6:24-6:33: Target `Practised` in `strategic-foresight` is unreachable: no public initiative develops `strategic-foresight` beyond `Foundational`; add `{ id: strategic-foresight, level: Practised }` to the `develops` of an initiative that gets leaders there, or lower the target. [warning unreachable-target]',
    ]);
  });

  it('suggests the closest level, role and competency', () => {
    const suggestions = checkFixture('roles').diagnostics.filter((item) => item.suggestion).map((item) => `${item.rule} ${item.suggestion}`);
    expect(suggestions).toEqual([
      'unknown-competency strategic-foresight',
      'unknown-role senior-manager',
      'unknown-competency strategic-foresight',
      'broken-page-link /roles/senior-manager/',
      'unknown-level Practitioner',
      'unknown-level Practitioner',
      'unknown-competency strategic-foresight',
      'unknown-role senior-manager',
      'unknown-competency risk-judgement',
    ]);
  });

  it('suggests the closest id in the `suggestion` field', () => {
    const suggestions = checkFixture('unknown-competency').diagnostics.map((item) => item.suggestion);
    expect(suggestions).toEqual(['strategic-foresight', 'strategic-foresight', 'risk-judgement', null, null, 'strategic-foresight', null]);
  });

  it('suggests a replacement link and heading slug for broken links', () => {
    const suggestions = checkFixture('broken-page-link').diagnostics.map((item) => item.suggestion);
    expect(suggestions).toEqual([
      './leadership-lab.mdx',
      'targets',
      'how-it-works',
      '/internal/leadership-lab/',
      null,
      '/competencies/risk-judgement/',
      null,
      'café--costs',
      './leadership-lab.mdx',
      null,
      null,
      '../measurement/promotion-readiness.mdx',
      null,
      null,
      null,
    ]);
  });

  it('checks dates and coverage only of what a public build publishes, in a public check', () => {
    expect(shownFixture('dates', 'public')).toEqual([
      'playbook/internal/public-lab.mdx:6:12-6:22: Review date `2026-01-01` has passed; review the page, then set `review_by` to the date of the next review. [warning review-overdue]',
    ]);
    expect(shownFixture('uncovered-competency', 'public')).toEqual([
      'competencies/strategic-foresight.md:2:7-2:26: Competency `strategic-foresight` is not developed by any public initiative; add it to the `develops` list of an internal, external or coaching page, or retire it. [warning uncovered-competency]',
    ]);
  });

  it('reports references from public to internal content only in a public check, naming both', () => {
    expect(shownFixture('reference-not-public', 'all')).toEqual([]);
    expect(shownFixture('reference-not-public', 'public')).toEqual(PUBLIC);
  });
});

describe('a load without the rules', () => {
  // For a thread that renders a playbook the main thread has just checked: it must read every
  // entry as the check did, and report nothing of what the rules across files find.
  it('reads the same playbook and runs no cross-reference rule', () => {
    const options = { contentDir: fixtureContent('unknown-competency'), audience: 'all' as const, today };
    const checked = checkContent(options);
    const loaded = checkContent({ ...options, rules: false });
    expect(checked.diagnostics.filter((item) => item.rule === 'unknown-competency').length).toBeGreaterThan(0);
    expect(loaded.diagnostics.filter((item) => item.rule === 'unknown-competency')).toEqual([]);
    const ids = (result: typeof checked) => result.playbook.editions.map((edition) => [...edition.pages.keys(), ...edition.competencies.keys()]);
    expect(ids(loaded)).toEqual(ids(checked));
  });
});
