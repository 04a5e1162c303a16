// If this breaks, a deliberate mistake of the kind authors really make (a misspelt id or
// link, a missing field, a prerequisite cycle, a duplicate file) gets through the check
// unreported, or a correct playbook page is reported wrongly.
// The fixture is `gen-corpus.mjs --pages 40 --break 10`, copied with the list of what it planted.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFixture, fixturesDir } from './helpers.ts';

interface Planted {
  kind: string;
  file: string;
  line: number;
  column: number;
  detail: string;
  cycle?: string[];
}

const planted = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'bench-break/injected.json'), 'utf8')) as Planted[];
const result = checkFixture('bench-break');
/** Kinds reported by the diagram plugin's `checkDiagrams`, not by the checker's own rules. */
const diagramKinds = new Set(['bad-framework-yaml', 'invalid-diagram']);

describe('the generated corpus with ten planted errors', () => {
  it('plants one error of each of the ten kinds', () => {
    expect(planted.map((error) => error.kind)).toEqual([
      'unknown-competency',
      'missing-required-field',
      'prerequisite-cycle',
      'broken-page-link',
      'bad-framework-yaml',
      'unknown-page-reference',
      'partner-without-evaluation',
      'metrics-not-measurement',
      'duplicate-id',
      'invalid-field-value',
    ]);
  });

  for (const error of planted.filter((item) => !diagramKinds.has(item.kind))) {
    it(`reports the planted ${error.kind} in ${error.file}`, () => {
      const files = acceptableFiles(error);
      const found = result.diagnostics.filter((item) => item.rule === error.kind && files.includes(item.file));
      expect(found.map((item) => item.severity)).toEqual(['error']);
    });
  }

  it('reports the planted diagram error, through checkDiagrams', () => {
    for (const error of planted.filter((item) => diagramKinds.has(item.kind))) {
      expect(result.diagnostics.filter((item) => item.rule === error.kind && item.file === contentPath(error.file))).toHaveLength(1);
    }
  });

  it('reports nothing else but what the small corpus really lacks', () => {
    const plantedKinds = new Map<string, Set<string>>();
    for (const error of planted) for (const file of acceptableFiles(error)) plantedKinds.set(file, (plantedKinds.get(file) ?? new Set()).add(error.kind));
    const others = result.diagnostics.filter((item) => !plantedKinds.get(item.file)?.has(item.rule)).map((item) => `${item.file} ${item.rule}`);
    // 40 pages are too few initiatives to develop all 40 competencies (see the bench README).
    expect(others).toEqual(['competencies/cross-functional-delivery.md uncovered-competency']);
  });
});

/** A checker may name another member of the cycle or of the duplicate pair. */
function acceptableFiles(error: Planted): string[] {
  const file = contentPath(error.file);
  if (error.kind === 'prerequisite-cycle') return (error.cycle ?? []).map((id) => pathOfPage(id));
  if (error.kind === 'duplicate-id') return [file, file.endsWith('.md') ? `${file}x` : file.replace(/x$/, '')];
  return [file];
}

function contentPath(file: string): string {
  return file.replace(/^content\//, '');
}

function pathOfPage(id: string): string {
  const page = result.playbook.editions[0]!.pages.get(id);
  if (!page) throw new Error(`The fixture has no page \`${id}\`.`);
  return page.source.path;
}
