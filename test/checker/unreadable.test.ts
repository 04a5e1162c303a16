// If this breaks, one broken page floods the report with errors in pages nobody touched
// (every link to one of its headings "broken"), or hides that page's own other mistakes.
import { describe, expect, it } from 'vitest';
import { shownFixture } from './helpers.ts';

describe('a page that cannot be parsed', () => {
  it('is reported once, links into it are not called broken, and its frontmatter is still checked', () => {
    expect(shownFixture('unreadable-page')).toEqual([
      'competencies/resilience.md:2:7-2:17: Competency `resilience` is not developed by any initiative; add it to the `develops` list of an internal, external or coaching page, or retire it. [warning uncovered-competency]',
      'playbook/internal/lab.mdx:5:12-5:21: Unknown competency `resilense`; did you mean `resilience`? [error unknown-competency]',
      'playbook/internal/lab.mdx:9:28-9:28: Invalid MDX: Unexpected end of file in expression, expected a corresponding closing brace for `{`; in an `.mdx` file, write `\\{` and `\\<` for literal braces and angle brackets, or rename it to `.md`. Until the page can be read, links to its headings from other pages are not checked. [error invalid-markdown]',
    ]);
  });
});
