/**
 * The content folder as it was at a commit, read through git on this machine (`git archive`
 * of the content folder's path, unpacked with `tar` into a temporary folder): nothing is
 * fetched, and the working tree and the index are never touched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A base that cannot be read; the message says what to do. */
export class ImpactError extends Error {
  override name = 'ImpactError';
}

export interface BaseContent {
  /** The content folder at the base, inside a temporary folder. */
  contentDir: string;
  /** The full commit id `ref` named. */
  commit: string;
  /** Deletes the temporary folder. */
  remove(): void;
}

export function contentAtCommit(ref: string, contentDir: string): BaseContent {
  if (!ref || ref.startsWith('-')) throw new ImpactError(`\`${ref}\` is not a git ref; name a branch, tag or commit, such as \`--base main\`.`);
  const folder = fs.realpathSync(contentDir);
  const top = git(['rev-parse', '--show-toplevel'], folder, `\`${contentDir}\` is not in a git repository; \`npm run impact\` compares the playbook with a commit, so run it in the playbook's repository.`).toString('utf8').trim();
  const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top, `\`${ref}\` is not a commit of this repository; name a branch, tag or commit that exists here (a GitHub workflow needs \`actions/checkout\` with \`fetch-depth: 0\` to have the base).`).toString('utf8').trim();
  const inside = path.relative(fs.realpathSync(top), folder).split(path.sep).join('/');
  const target = inside ? `${commit}:${inside}` : `${commit}^{tree}`;
  git(['cat-file', '-e', target], top, `\`${inside || '.'}\` does not exist at \`${ref}\`; there is no playbook there to compare with.`);
  const archive = git(['archive', '--format=tar', commit, '--', inside || '.'], top, `git could not read \`${inside || '.'}\` at \`${ref}\`.`);
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-impact-'));
  const remove = () => fs.rmSync(temporary, { recursive: true, force: true });
  const unpacked = spawnSync('tar', ['-x', '-f', '-', '-C', temporary], { input: archive, maxBuffer: 1024 * 1024 * 1024 });
  if (unpacked.status !== 0) {
    remove();
    throw new ImpactError(`\`tar\` could not unpack the playbook at \`${ref}\` (${String(unpacked.stderr ?? unpacked.error).trim()}); install tar, or check the free space in ${os.tmpdir()}.`);
  }
  return { contentDir: path.join(temporary, inside), commit, remove };
}

function git(args: string[], cwd: string, failure: string): Buffer {
  const result = spawnSync('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) throw new ImpactError(`git could not be run (${result.error.message}); install git, which \`npm run impact\` reads the base commit with.`);
  if (result.status !== 0) throw new ImpactError(failure);
  return result.stdout;
}
