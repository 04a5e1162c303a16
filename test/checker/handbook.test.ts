// If this breaks, an organisation moving its GitHub handbook to Trellis has files refused for
// their names, links that work on GitHub reported as broken (or broken ones let through),
// callouts, images and leftover template tags that fail silently on the site, or problems
// reported without their line.
//
// Each folder in `fixtures/handbook/` holds a `content/` playbook and `expected.txt`: every
// problem the check reports, one per line, in the order editors read them. `options.json` may
// give the check's `allow` setting, as `trellis({ allow })` does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../plugins/checker/index.ts';
import { fixturesDir, show, today } from './helpers.ts';

const folder = path.join(fixturesDir, 'handbook');
const cases = fs.readdirSync(folder).filter((name) => fs.existsSync(path.join(folder, name, 'content')));

function check(name: string): string[] {
  const optionsFile = path.join(folder, name, 'options.json');
  const options = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {};
  const result = checkContent({ contentDir: path.join(folder, name, 'content'), audience: 'all', today, ...options });
  return result.diagnostics.map(show);
}

describe('a GitHub handbook, checked', () => {
  it('has its fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(7));
  for (const name of cases) {
    it(`reports the problems of \`${name}\` at their place, and nothing else`, () => {
      const expectedFile = path.join(folder, name, 'expected.txt');
      const actual = check(name);
      if (process.env.WRITE_EXPECTED) fs.writeFileSync(expectedFile, `${actual.join('\n')}\n`);
      expect(actual).toEqual(fs.readFileSync(expectedFile, 'utf8').trimEnd().split('\n').filter(Boolean));
    });
  }
});
