// If this breaks, an author who gives a field the wrong kind of value reads `[object Object]`,
// "expected Invalid input", their own list shown as if it were the right value, or a hint
// meant for another field, instead of what they wrote and what to write instead.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shownCheck } from './helpers.ts';

const content = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/field-messages/content');
const layers = '`internal`, `external`, `coaching`, `governance`, `measurement`, `guide`';

describe('frontmatter field messages', () => {
  it('names each value as written, says what kind of value the field takes, and hints for that field', () => {
    expect(shownCheck(content)).toEqual([
      'competencies/risk-judgement.md:3:10-3:16: Invalid `cluster` value `[Risk]`: a list, but `cluster` takes one value; write `cluster: risk`. [error invalid-field-value]',
      'competencies/risk-judgement.md:5:10-5:30: Missing required field `levels[0].description`; add a sentence that says what the level looks like in practice. [error missing-required-field]',
      "competencies/risk-judgement.md:5:32-5:69: Missing required field `levels[1].name`; add the level's name, e.g. `name: Practitioner`. [error missing-required-field]",
      "playbook/external/no-name.md:6:10-6:37: Missing required field `partner.name`; add the partner's name, e.g. `name: Northbridge Business School`. [error missing-required-field]",
      'playbook/external/wrong-types.md:6:17-6:30: Invalid `partner.name` value `[Northbridge]`: a list, but `partner.name` takes one value; write `name: Northbridge`. [error invalid-field-value]',
      'playbook/external/wrong-types.md:6:44-6:45: Invalid `partner.evaluation` value `3`; expected text (say how and when the partnership is evaluated). [error invalid-field-value]',
      'playbook/guide/audience.md:5:12-5:14: Invalid `audience[0]` value `{}`, a mapping; expected text or a number. [error invalid-field-value]',
      'playbook/guide/audience.md:6:20-6:30: Invalid `tags[1]` value `[planning]`: a list, but each item of `tags` is one value; write `planning`. [error invalid-field-value]',
      "playbook/guide/complex-key.md:5:3-5:23: Frontmatter key `[growth, resilience]` is a list, not a field name; write the field's name, a colon and its value, such as `tags: [growth]`. [error invalid-yaml]",
      `playbook/guide/layer-block-list.md:5:3-6:1: Invalid \`layer\` value \`- Coaching\`: a list, but \`layer\` takes one value; write \`layer: coaching\`. [error invalid-field-value]`,
      'playbook/guide/layer-list.md:4:8-4:15: Invalid `layer` value `[guide]`: a list, but `layer` takes one value; write `layer: guide`. [error invalid-field-value]',
      `playbook/guide/layer-mapping.md:4:8-4:14: Invalid \`layer\` value \`{a: 1}\`, a mapping; expected one of ${layers}. [error invalid-field-value]`,
      'playbook/guide/lists.md:2:7-2:7: Invalid `title` (empty); expected text (add a short title, e.g. `title: Leadership lab`). [error invalid-field-value]',
      'playbook/guide/lists.md:5:11-5:25: Invalid `develops` value `risk-judgement`; expected a list: write `develops: [risk-judgement]`. [error invalid-field-value]',
      'playbook/guide/lists.md:6:13-6:85: Invalid `visibility` value `Shown to the whole leadership community and to partners o...`; expected one of `internal`, `public`. [error invalid-field-value]',
      'playbook/guide/lists.md:7:12-7:24: Invalid `review_by` value `[2029-06-30]`: a list, but `review_by` takes one value; write `review_by: 2029-06-30`. [error invalid-field-value]',
      'playbook/guide/status.md:5:9-5:17: Invalid `status` value `"draft "`; expected one of `draft`, `published`; did you mean `draft`? [error invalid-field-value]',
      'playbook/guide/status.md:6:23-6:29: Invalid `formats[1]` value `{x: 1}`, a mapping; expected one of `virtual-cohort`, `on-site-immersion`, `microlearning`, `secondment`, `shadowing`, `stretch-assignment`, `case-study`, `coaching-session`. [error invalid-field-value]',
      `playbook/guide/two-layers.md:4:8-4:25: Invalid \`layer\` value \`[guide, coaching]\`: a list, but \`layer\` takes one value; write one of ${layers}. [error invalid-field-value]`,
    ]);
  });
});
