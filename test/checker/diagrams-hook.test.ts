// If this breaks, diagram problems (an unknown diagram type, invalid framework YAML) never
// reach the report, or a bug in the diagram checks crashes the whole check with a stack trace.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkDiagrams } from '../../plugins/remark-diagrams/index.ts';
import { checkFixture, show } from './helpers.ts';

vi.mock('../../plugins/remark-diagrams/index.ts', () => ({ checkDiagrams: vi.fn() }));
const mocked = vi.mocked(checkDiagrams);

beforeEach(() => {
  mocked.mockReset();
});

describe('diagram checks', () => {
  it('run once for every page of every edition, with that page\'s edition', () => {
    checkFixture('editions');
    const calls = mocked.mock.calls.map(([page, edition]) => `${edition.label} ${page.id}`);
    expect(calls.sort()).toEqual(['2025.2 internal/old-lab', 'current internal/leadership-lab']);
  });

  it('add their problems to the one report', () => {
    mocked.mockImplementation((page, _edition, diagnostics) => {
      if (page.id === 'internal/old-lab') diagnostics.error(page.source.path, { line: 7, column: 1, endLine: 7, endColumn: 30 }, 'invalid-diagram', 'Unknown diagram type `pathways`; did you mean `pathway`?', 'pathway');
    });
    const shown = checkFixture('editions').diagnostics.map(show);
    expect(shown).toContain('versions/2025.2/playbook/internal/old-lab.mdx:7:1-7:30: Unknown diagram type `pathways`; did you mean `pathway`? [error invalid-diagram]');
    expect(shown).toHaveLength(6);
  });

  it('turn an exception into a problem on that page, and the other rules still report', () => {
    mocked.mockImplementation((page) => {
      if (page.id === 'internal/leadership-lab') throw new TypeError('Cannot read properties of undefined');
    });
    const shown = checkFixture('editions').diagnostics.map(show);
    expect(shown).toContain('playbook/internal/leadership-lab.mdx:1:1-1:1: Trellis could not finish checking this file (Cannot read properties of undefined); please report it with the file attached. [error internal-error]');
    expect(shown).toHaveLength(6);
  });
});
