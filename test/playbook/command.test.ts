// If this breaks, a command shows a stack trace to an editor for a bug in Trellis, or hides
// what went wrong from the developer who asked for it with TRELLIS_DEBUG=1.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';

function run(body: string, env: Record<string, string> = {}) {
  const script = `import { runEntryPoint } from './plugins/playbook/index.ts';\n${body}`;
  const { TRELLIS_DEBUG: _debug, ...inherited } = process.env;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8', env: { ...inherited, ...env } });
}

describe('a command entry point', () => {
  it('prints the outcome and exits with its code', () => {
    const result = run(`await runEntryPoint(() => ({ stdout: 'checked\\n', stderr: 'one warning\\n', exitCode: 2 }), { stopped: 'The check stopped' });`);
    expect([result.stdout, result.stderr, result.status]).toEqual(['checked\n', 'one warning\n', 2]);
  });

  it('tells a bug in one line, and shows where only with TRELLIS_DEBUG=1', () => {
    const body = `await runEntryPoint(() => { throw new Error('tree has no root'); }, { stopped: 'The check stopped because of a bug in Trellis' });`;
    const plain = run(body);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe('The check stopped because of a bug in Trellis (tree has no root); please report it. Run with TRELLIS_DEBUG=1 to see where it happened.\n');
    const debug = run(body, { TRELLIS_DEBUG: '1' });
    expect(debug.stderr).toMatch(/^The check stopped .*\nError: tree has no root\n\s+at /);
  });

  it('reports an expected error with its own message and code', () => {
    const result = run(`await runEntryPoint(async () => { throw new RangeError('astro.config.mjs: trellis({ health }) is not an object'); }, { stopped: 'x', expected: (error) => error instanceof RangeError ? { message: error.message, exitCode: 2 } : undefined });`);
    expect([result.stderr, result.status]).toEqual(['astro.config.mjs: trellis({ health }) is not an object\n', 2]);
  });
});
