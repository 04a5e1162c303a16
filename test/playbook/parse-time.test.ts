// If this breaks, one pasted line of `*` or `]`, or a paragraph of thousands of short lines,
// keeps `npm run check` and the build busy for minutes (a denial of service on CI), or a
// long but ordinary table or list is refused as if it were such a paragraph.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../plugins/checker/index.ts';
import { show, shownCheck, temporaryFolder, today, writeFiles } from './helpers.ts';

const frontmatter = '---\ntitle: Page\ndescription: A page.\nlayer: guide\n---\n';
const size = 100_000;
const sentence = 'The leader, who works with **the team** and [their peers](./peers.md), weighs what happens when plans change. ';
/** Prose in paragraphs of four sentences, with a link and bold text in each sentence. */
const normalBody = Array.from({ length: Math.ceil(size / 446) }, () => sentence.repeat(4)).join('\n\n').slice(0, size);
const marksReason = 'emphasis and bracket marks (`*`, `_`, `~`, `]`); Trellis reads at most 200 in one paragraph, as more would keep the check busy for minutes; split it with blank lines, or write a literal mark as `\\*`. [error crowded-paragraph]';
const piecesReason = 'lines and inline marks (`\\`, `&`, `<`, `[`, `!`, `:` and backticks) without a blank line; Trellis reads at most 2,000 in one paragraph, as more would keep the check busy for minutes; split it with blank lines. [error crowded-paragraph]';
let root: string;

beforeAll(() => {
  root = temporaryFolder('parse-time');
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Milliseconds of the median of three checks of a content folder holding `body` as its one page. */
function checkTime(name: string, body: string, extension = 'md'): number {
  const content = path.join(root, name);
  writeFiles(content, { [`playbook/peers.md`]: `${frontmatter}Peers.\n`, [`playbook/page.${extension}`]: `${frontmatter}${body}\n` });
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    checkContent({ contentDir: content, audience: 'all', today });
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[1]!;
}

describe('crowded paragraphs', () => {
  it('refuses a paragraph, heading or cell crowded with marks, on its own position, and leaves long tables and lists alone', () => {
    const content = path.join(root, 'messages');
    writeFiles(content, {
      'playbook/stars.md': `${frontmatter}A paragraph of prose.\n\n${'x*'.repeat(201)}\n\nMore prose.\n`,
      'playbook/brackets.mdx': `${frontmatter}# Heading ${']'.repeat(201)}\n`,
      'playbook/short-lines.md': `${frontmatter}${'A line of a poem\n'.repeat(2001)}`,
      'playbook/table.md': `${frontmatter}## Programmes\n| Programme | Owner |\n| --- | --- |\n${'| [Lab](./stars.md) | **Head** of _talent_ ~x~ |\n'.repeat(400)}`,
      'playbook/list.md': `${frontmatter}${'- **Term**: [its page](./stars.md)\n'.repeat(400)}`,
      'playbook/quote.md': `${frontmatter}${'> **Term**: [its page](./stars.md)\n>\n'.repeat(400)}`,
      'playbook/numbered.md': `${frontmatter}${'1. '.repeat(70)}deep\n`,
    });
    expect(shownCheck(content)).toEqual([
      `playbook/brackets.mdx:6:3-6:212: Paragraph holds 201 ${marksReason}`,
      'playbook/numbered.md:6:1-6:1: Line is nested more than 64 levels deep (quotes and lists); playbook pages need a few at most. [error too-deeply-nested]',
      `playbook/short-lines.md:6:1-2006:17: Paragraph runs to 2,001 ${piecesReason}`,
      `playbook/stars.md:8:1-8:403: Paragraph holds 201 ${marksReason}`,
    ]);
  });

  it('checks a 100 KB line of any mark in at most a few times what a normal page of that size takes', () => {
    const normal = checkTime('normal', normalBody);
    const units = ['*', '_', '~', '[', '<', ':', '`', 'x*', '*a_', 'x~', ']', '[^a]', '`a', ':a[', '![a', '&a', '\\-a'];
    const ratios = Object.fromEntries(units.map((unit, i) => [unit, checkTime(`line-${i}`, unit.repeat(size / unit.length + 1).slice(0, size)) / normal]));
    expect(Object.entries(ratios).filter(([, ratio]) => ratio >= 5)).toEqual([]);
    expect(checkTime('line-mdx', 'x*'.repeat(size / 2), 'mdx') / normal).toBeLessThan(5);
  });

  it('checks 30 KB of short lines without a blank line in at most a few times a page of as many short lines in paragraphs', () => {
    const lines = 10_000;
    const poem = Array.from({ length: lines / 20 }, () => 'x y\n'.repeat(20)).join('\n');
    const crowded = checkTime('many-lines', 'x*\n'.repeat(lines));
    expect(crowded / checkTime('poem', poem)).toBeLessThan(5);
    const shown = checkContent({ contentDir: path.join(root, 'many-lines'), audience: 'all', today }).diagnostics.map(show);
    expect(shown).toEqual([`playbook/page.md:6:1-10005:3: Paragraph holds 10,000 ${marksReason}`]);
  });
});
