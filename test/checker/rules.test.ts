// If this breaks, authors see wrong, missing or misplaced problems in `npm run check` and in
// the build: a typo in an id or a link would reach the published site, or a correct
// playbook would fail to build.
import { describe, expect, it } from 'vitest';
import { checkFixture, shownFixture } from './helpers.ts';

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
