// If this breaks, the steering group's report misjudges the ecosystem: a competency that hangs
// on one programme, a contract about to end, a partner holding too much of the external layer,
// an overdue review or an unmeasured initiative goes unreported (or is reported twice, or with
// a message that does not say what to do), or the limits set in astro.config.mjs are ignored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecosystemHealth, healthRuleIds, resolveHealthOptions } from '../../plugins/health/index.ts';
import { loadPlaybook } from '../../plugins/playbook/index.ts';
import { fixtureSite, show, today } from './helpers.ts';

const site = fixtureSite('findings');
const shown = (options = {}) => ecosystemHealth(site, today, options).findings.map(show);

describe('the health report of a playbook with every finding planted once', () => {
  it('reports each finding, once, at its place, in the order the page lists them', () => {
    expect(shown()).toEqual([
      'competencies/foresight.md:2:7: Competency `foresight` is developed only through external partners, by `external/foresight-school`, `external/horizon-retreat` and `external/scenario-studio`; nothing the organisation runs itself keeps it going when a partnership ends. Develop it in an internal or coaching initiative as well. [warning external-only]',
      'competencies/listening.md:2:7: Competency `listening` is developed by one initiative only, `internal/lab`; if that programme pauses or ends, nothing develops it. Add the competency to the `develops` of a second initiative, ideally in another layer. [warning single-initiative]',
      'competencies/negotiation.md:2:7: Competency `negotiation` is developed only by external initiatives whose contracts end within the 120-day notice period (by `2027-03-25`): `external/board-placements` and `external/peer-forum`; when they end, nothing develops it. Renew a contract, or develop the competency in an internal or coaching initiative before then. [warning expiring-coverage]',
      'competencies/planning.md:2:7: Competency `planning` is developed only in the internal layer, by `internal/lab` and `internal/rotation`; one kind of learning is a narrow base. Develop it in an initiative of another layer as well. [info single-layer]',
      'playbook/external/foresight-school.mdx:11:9: Partner `Northbridge Business School` runs 3 of the 5 external initiatives (60%), more than the 40% limit; the ecosystem depends on one vendor. Move an initiative to another partner, or add initiatives with other partners. [warning partner-initiative-share]',
      'playbook/external/peer-forum.mdx:11:9: Partner `Crossways Executive Forum` develops 3 of the 4 competencies developed externally (75%), more than the 40% limit; losing it would take most external development with it. Spread those competencies over other partners. [warning partner-competency-share]',
      'playbook/external/peer-forum.mdx:12:17: Contract with `Crossways Executive Forum` for `external/peer-forum` ends on `2027-01-31`, in 67 days, within the 120-day notice period; decide now whether to renew it, then record the new `contract_end`, or plan how the initiative ends. [warning contract-ending]',
      'playbook/external/foresight-school.mdx:13:10: Partnership with `Northbridge Business School` for `external/foresight-school` began on `2019-09-01`, 7 years ago, longer than the 5-year rotation period; compare it with other providers before the next renewal, so that the programme does not go stale. [info partner-rotation]',
      'playbook/guide/onboarding.mdx:6:12: Page `guide/onboarding`, owned by Head of Talent, was due for review on `2026-10-01`, 55 days ago; review it, then set `review_by` to the date of the next review. [warning review-overdue]',
      'playbook/internal/rotation.mdx:9:12: Page `internal/rotation`, owned by Head of Talent, is due for review on `2027-01-15`, in 51 days; plan the review with its owner. [info review-due]',
      'The one coaching initiative, `coaching/circles`, has no `metrics`; the coaching layer is never measured. Add measurement pages to its `metrics`. [warning unmeasured-layer]',
      'playbook/internal/rotation.mdx:2:8: Initiative `internal/rotation` has no `metrics`; attendance alone does not show whether it works. List the measurement pages that show its effect, such as `metrics: [measurement/feedback]`. [warning unmeasured-initiative]',
      'playbook/measurement/business-impact.mdx:2:8: Measurement page `measurement/business-impact` is in the `metrics` of no initiative, so nothing is measured by it; list it in the `metrics` of the initiatives it measures, or retire it. [info unused-measure]',
      'playbook/external/board-placements.mdx:6:16: External initiative `external/board-placements` has no internal initiative among its `prerequisites`, nor among theirs; leaders may reach it without the internal baseline. Add an internal initiative to its `prerequisites`, or say on the page why it stands alone. [info no-internal-baseline]',
      'playbook/external/horizon-retreat.mdx:2:8: Initiative `external/horizon-retreat` says nothing about who may join: it has no `audience` and no `eligibility`; leaders cannot tell whether it is open to them, and places go to those who already know. Add an `audience` list or an `eligibility` sentence. [warning audience-unstated]',
    ]);
  });

  it('plants every rule exactly once, so that a new rule needs a planted case here', () => {
    const rules = ecosystemHealth(site, today).findings.map((finding) => finding.rule);
    expect([...rules].sort()).toEqual([...healthRuleIds].sort());
  });

  it('judges the draft in the fixture not at all: it says nothing about who may join and has no metrics', () => {
    expect(shown().join('\n')).not.toContain('unpublished-idea');
  });
});

describe('thresholds set through the options', () => {
  const rulesOf = (options: object) => ecosystemHealth(site, today, options).findings.map((finding) => finding.rule);

  it('a 30-day notice period leaves out the contract ending in 67 days, and the competency it develops is then only external', () => {
    const findings = shown({ noticeDays: 30 });
    expect(rulesOf({ noticeDays: 30 })).not.toContain('contract-ending');
    expect(findings).toContain('competencies/negotiation.md:2:7: Competency `negotiation` is developed only through external partners, by `external/board-placements` and `external/peer-forum`; nothing the organisation runs itself keeps it going when a partnership ends. Develop it in an internal or coaching initiative as well. [warning external-only]');
  });

  it('a notice period of 2,000 days reaches every contract', () => {
    expect(rulesOf({ noticeDays: 2000 }).filter((rule) => rule === 'contract-ending')).toHaveLength(4);
    expect(shown({ noticeDays: 2000 })[0]).toBe('competencies/foresight.md:2:7: Competency `foresight` is developed only by external initiatives whose contracts end within the 2000-day notice period (by `2032-05-17`): `external/foresight-school`, `external/horizon-retreat` and `external/scenario-studio`; when they end, nothing develops it. Renew a contract, or develop the competency in an internal or coaching initiative before then. [warning expiring-coverage]');
  });

  it('a partner share of 80% lets both partners be, and one of 20% names every partner over it', () => {
    expect(rulesOf({ partnerShare: 80 }).filter((rule) => rule.startsWith('partner-') && rule !== 'partner-rotation')).toEqual([]);
    expect(shown({ partnerShare: 20 }).filter((line) => line.includes('[warning partner-initiative-share]'))).toEqual([
      'playbook/external/foresight-school.mdx:11:9: Partner `Northbridge Business School` runs 3 of the 5 external initiatives (60%), more than the 20% limit; the ecosystem depends on one vendor. Move an initiative to another partner, or add initiatives with other partners. [warning partner-initiative-share]',
    ]);
  });

  it('a rotation period of 8 years lets the 7-year partnership be; one of 3 years also names the one begun in 2023', () => {
    expect(rulesOf({ rotationYears: 8 })).not.toContain('partner-rotation');
    expect(shown({ rotationYears: 3 }).filter((line) => line.includes('partner-rotation'))).toEqual([
      'playbook/external/foresight-school.mdx:13:10: Partnership with `Northbridge Business School` for `external/foresight-school` began on `2019-09-01`, 7 years ago, longer than the 3-year rotation period; compare it with other providers before the next renewal, so that the programme does not go stale. [info partner-rotation]',
      'playbook/external/peer-forum.mdx:13:10: Partnership with `Crossways Executive Forum` for `external/peer-forum` began on `2023-03-01`, 3 years ago, longer than the 3-year rotation period; compare it with other providers before the next renewal, so that the programme does not go stale. [info partner-rotation]',
    ]);
  });

  it('a review window of 30 days leaves out the review due in 51 days', () => {
    expect(rulesOf({ reviewWindowDays: 30 })).not.toContain('review-due');
    expect(rulesOf({ reviewWindowDays: 30 })).toContain('review-overdue');
  });
});

describe('partner.since (format version 2)', () => {
  it('is read as a date, and a value that is not one is placed on its line', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-since-'));
    fs.mkdirSync(path.join(folder, 'playbook/external'), { recursive: true });
    const page = (since: string) => `---\ntitle: School\ndescription: With a school.\nlayer: external\npartner:\n  name: Northbridge Business School\n  evaluation: Each cohort.\n  since: ${since}\n---\n`;
    try {
      fs.writeFileSync(path.join(folder, 'playbook/external/school.md'), page('2019-09-01'));
      fs.writeFileSync(path.join(folder, 'playbook/external/college.md'), page('2019-13-01'));
      const { playbook, diagnostics } = loadPlaybook(folder);
      expect(playbook.editions[0]!.pages.get('external/school')!.partner!.since).toBe('2019-09-01');
      expect(diagnostics.items.map((item) => `${item.file}:${item.line}:${item.column}: ${item.message}`)).toEqual([
        'playbook/external/college.md:8:10: Invalid `partner.since` value `2019-13-01`; expected a real calendar date.',
      ]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('options that cannot be used', () => {
  it('are refused with what to write instead', () => {
    expect(() => resolveHealthOptions({ noticeDays: -3 })).toThrow('`trellis({ health: { noticeDays } })` in astro.config.mjs is `-3`; write a whole number of days from 1 to 3650, or leave it out for the default of 120.');
    expect(() => resolveHealthOptions({ partnerShare: '40%' })).toThrow('`trellis({ health: { partnerShare } })` in astro.config.mjs is `40%`; write a percentage from 1 to 100, or leave it out for the default of 40.');
    expect(() => resolveHealthOptions({ rotationYears: 2.5 })).toThrow('`trellis({ health: { rotationYears } })` in astro.config.mjs is `2.5`; write a whole number of years from 1 to 100, or leave it out for the default of 5.');
    expect(() => resolveHealthOptions({ noticeDay: 90 })).toThrow('`trellis({ health: { noticeDay } })` in astro.config.mjs is not an option; the options are `noticeDays`, `partnerShare`, `rotationYears`, `reviewWindowDays`.');
  });

  it('fill in the defaults for what is left out', () => {
    expect(resolveHealthOptions({ noticeDays: 90 })).toEqual({ noticeDays: 90, partnerShare: 40, rotationYears: 5, reviewWindowDays: 60 });
  });
});
