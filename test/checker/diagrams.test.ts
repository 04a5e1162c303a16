// If this breaks, an author's broken diagram is either not reported (and silently missing from
// the site) or reported at the wrong line and column, or without the close match that makes it
// a one-character fix; or a public build shows the pathway of an internal page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../plugins/playbook/index.ts';
import { checkContent } from '../../plugins/checker/index.ts';
import { checkFixture, runCli, today } from './helpers.ts';

function checkFixtureAt(contentDir: string) {
  return checkContent({ contentDir, audience: 'all', today });
}

/** The diagram problems the whole check reports on one page of the `diagrams` fixture. */
function check(id: string, audience: 'all' | 'public' = 'all'): string[] {
  const file = checkFixture('diagrams', audience).diagnostics.filter((item) => item.file.startsWith(`playbook/${id}.`));
  return file.map(show);
}

function show(item: Diagnostic): string {
  return `${item.file}:${item.line}:${item.column}-${item.endLine}:${item.endColumn}: ${item.message} [${item.rule}]${item.suggestion ? ` (${item.suggestion})` : ''}`;
}

describe('the diagram rules', () => {
  it('reports every mistake of a page at once, each at its exact place', () => {
    expect(check('guide/broken')).toEqual([
      'playbook/guide/broken.md:7:17-7:25: Unknown diagram type `ecosytem`; did you mean `ecosystem`? [invalid-diagram] (ecosystem)',
      'playbook/guide/broken.md:9:17-9:22: Unknown diagram type `chart`; use `ecosystem`, `pathway`, `coverage`, `route` or `levels`. [invalid-diagram]',
      'playbook/guide/broken.md:11:1-11:10: Diagram has no `type`; write `::diagram{type="ecosystem"}`, or use `pathway`, `coverage`, `route` or `levels`. [invalid-diagram]',
      'playbook/guide/broken.md:13:1-13:26: Pathway diagram has no `from`; name the page it goes through, as in `::diagram{type="pathway" from="internal/leadership-lab"}`. [invalid-diagram]',
      'playbook/guide/broken.md:15:32-15:54: Pathway diagram names unknown page `internal/leadrship-lab`; did you mean `internal/leadership-lab`? [unknown-page-reference] (internal/leadership-lab)',
      'playbook/guide/broken.md:17:32-17:52: Pathway diagram goes through `internal/draft-pilot`, which is a draft and is never published; publish it first, or draw the pathway of another page. [reference-to-draft]',
      'playbook/guide/broken.md:25:3-25:4: Invalid YAML in `framework` block: Flow map in block collection must be sufficiently indented and end with a }; check the brackets, quotes and indentation of this line. [bad-framework-yaml]',
      'playbook/guide/broken.md:33:46-33:53: Node `lab` names unknown group `internl`; did you mean `internal`? [bad-framework-yaml] (internal)',
      'playbook/guide/broken.md:34:11-34:14: Node id `lab` is used twice; give each node its own id. [bad-framework-yaml]',
      'playbook/guide/broken.md:35:18-35:42: Unknown key `lable` in a node; did you mean `label`? [bad-framework-yaml] (label)',
      'playbook/guide/broken.md:36:5-36:21: A node has no `id`; give it a short id that edges can name, such as `id: lab`. [bad-framework-yaml]',
      'playbook/guide/broken.md:38:22-38:26: Edge names unknown node `cses`; did you mean `cases`? [bad-framework-yaml] (cases)',
      'playbook/guide/broken.md:39:5-39:18: An edge has no `to`; name the node it points to, such as `to: cases`. [bad-framework-yaml]',
      'playbook/guide/broken.md:40:1-40:10: Unknown key `egdes` in the `framework` block; did you mean `edges`? [bad-framework-yaml] (edges)',
      // Inside a list item and a block quote, columns still count from the start of the file's line.
      'playbook/guide/broken.md:49:23-49:24: Edge names unknown node `b`; did you mean `a`? [bad-framework-yaml] (a)',
      'playbook/guide/broken.md:54:26-54:28: Edge names unknown node `zz`; did you mean `a`? [bad-framework-yaml] (a)',
    ]);
  });

  it('accepts valid diagrams in any attribute quoting, and a folder page named in full', () => {
    expect(check('internal/leadership-lab')).toEqual([]);
  });

  it('lets a draft draw the pathway of another draft: neither is published', () => {
    expect(check('internal/draft-pilot')).toEqual([]);
  });

  it('in a public build, refuses a public page drawing the pathway of an internal one', () => {
    expect(check('guide/broken', 'public')).toContain(
      'playbook/guide/broken.md:59:32-59:40: Public page `guide/broken` draws the pathway of `internal`, which is not public; make `internal` public, or remove the diagram. [reference-not-public]',
    );
  });

  it('are reported by `PLAYBOOK_AUDIENCE=public npm run check` for a public pathway of an internal page', () => {
    const run = runCli([], { PLAYBOOK_CONTENT: 'test/checker/fixtures/diagrams/content', PLAYBOOK_AUDIENCE: 'public', PLAYBOOK_TODAY: '2026-06-15' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('test/checker/fixtures/diagrams/content/playbook/guide/broken.md:59:32  error  Public page `guide/broken` draws the pathway of `internal`, which is not public; make `internal` public, or remove the diagram.  reference-not-public');
  });

  it('find a diagram wherever a block can stand: in a callout, a quote and a list', () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-nested-diagrams-'));
    fs.mkdirSync(path.join(content, 'playbook'));
    fs.mkdirSync(path.join(content, 'competencies'));
    const body = [':::note[Read first]', '::diagram{type="ecosytem"}', ':::', '', '> ::diagram{type="chart"}', '', '- Steps:', '', '  ::diagram', ''].join('\n');
    fs.writeFileSync(path.join(content, 'playbook', 'index.md'), `---\ntitle: Nested\ndescription: Diagrams inside blocks.\nlayer: guide\n---\n${body}`);
    const { diagnostics } = checkFixtureAt(content);
    fs.rmSync(content, { recursive: true, force: true });
    expect(diagnostics.map(show)).toEqual([
      'playbook/index.md:7:17-7:25: Unknown diagram type `ecosytem`; did you mean `ecosystem`? [invalid-diagram] (ecosystem)',
      'playbook/index.md:10:19-10:24: Unknown diagram type `chart`; use `ecosystem`, `pathway`, `coverage`, `route` or `levels`. [invalid-diagram]',
      'playbook/index.md:14:3-14:12: Diagram has no `type`; write `::diagram{type="ecosystem"}`, or use `pathway`, `coverage`, `route` or `levels`. [invalid-diagram]',
    ]);
  });

  it('find a framework block however its fence is written: tildes, a longer fence, a space before the language', () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-framework-fences-'));
    fs.mkdirSync(path.join(content, 'playbook'));
    fs.mkdirSync(path.join(content, 'competencies'));
    const fences = { tildes: ['~~~framework', '~~~'], longer: ['````framework', '````'], spaced: ['``` framework', '```'] };
    for (const [name, [open, close]] of Object.entries(fences)) {
      const body = [open, 'nodes:', '  - { id: a, label: A }', 'egdes: []', close].join('\n');
      fs.writeFileSync(path.join(content, 'playbook', `${name}.md`), `---\ntitle: Fenced ${name}\ndescription: A framework block.\nlayer: guide\n---\n${body}\n`);
    }
    const { diagnostics } = checkFixtureAt(content);
    fs.rmSync(content, { recursive: true, force: true });
    expect(diagnostics.filter((item) => item.rule === 'bad-framework-yaml').map(show)).toEqual(['longer', 'spaced', 'tildes'].map((name) => `playbook/${name}.md:9:1-9:10: Unknown key \`egdes\` in the \`framework\` block; did you mean \`edges\`? [bad-framework-yaml] (edges)`));
  });

  it('never throw, whatever a block holds', () => {
    const values = ['', '[', '- - - -', '{a: *x}', 'nodes: 5', 'nodes: [1, null, [x]]', `nodes: [${'['.repeat(500)}`];
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-hostile-framework-'));
    fs.mkdirSync(path.join(content, 'playbook'));
    fs.mkdirSync(path.join(content, 'competencies'));
    const body = values.map((value) => `\`\`\`framework\n${value}\n\`\`\``).join('\n\n');
    fs.writeFileSync(path.join(content, 'playbook', 'index.md'), `---\ntitle: Hostile\ndescription: Blocks.\nlayer: guide\n---\n${body}\n`);
    const { diagnostics } = checkFixtureAt(content);
    fs.rmSync(content, { recursive: true, force: true });
    expect(diagnostics.every((item) => item.rule === 'bad-framework-yaml')).toBe(true);
    expect(diagnostics.length).toBeGreaterThanOrEqual(7);
  });
});
