// If this breaks, `npm run pdf` fails the steering group's request with a stack trace or a
// silent nothing when the site is not built or Chromium is missing, instead of saying what
// to do — or writes page numbers into the wrong lines of the contents.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, runPdfCommand, withPageNumbers } from '../../plugins/astro-trellis/lib/pdf.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-pdf-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function builtSite(): string {
  const out = path.join(scratch, 'site');
  fs.mkdirSync(path.join(out, 'print'), { recursive: true });
  fs.writeFileSync(path.join(out, 'print/index.html'), '<!doctype html><title>Print</title>');
  return out;
}

describe('npm run pdf', () => {
  it('says to build first when the output folder holds no site', async () => {
    const outcome = await runPdfCommand({ PLAYBOOK_OUT: path.join(scratch, 'nothing') }, scratch);
    expect(outcome).toEqual({ stdout: '', stderr: `There is no built site in ${path.join(scratch, 'nothing')} (no print/index.html): run \`npm run build\` first, with the same PLAYBOOK_OUT.\n`, exitCode: 1 });
  });

  it('names a CHROMIUM_PATH that is no program, and stops', async () => {
    const outcome = await runPdfCommand({ PLAYBOOK_OUT: builtSite(), CHROMIUM_PATH: '/no/such/chromium' }, scratch);
    expect(outcome).toEqual({ stdout: '', stderr: 'CHROMIUM_PATH is `/no/such/chromium`, which is not a program this user can run; point it at Chromium or Chrome, or leave it unset to look for one.\n', exitCode: 1 });
  });

  it('says where it looked and how to install Chromium when there is none', () => {
    expect(findChromium({ PATH: scratch }, [])).toEqual({ problem: 'No Chromium found (looked for chromium on PATH, chromium-browser on PATH, google-chrome on PATH, google-chrome-stable on PATH): install it (on Debian or Ubuntu, `sudo apt-get install chromium`), or set CHROMIUM_PATH to Chromium or Chrome.' });
  });

  it('finds Chromium by name on PATH', () => {
    const bin = path.join(scratch, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'chromium-browser'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findChromium({ PATH: `${scratch}${path.delimiter}${bin}` }, [])).toEqual({ path: path.join(bin, 'chromium-browser') });
  });

  it('writes each page number after its own entry of the contents', () => {
    const html = '<li><a href="#page-index">Home</a><span class="print-toc-page" data-target="page-index"></span></li><li><a href="#catalogue">Catalogue</a><span class="print-toc-page" data-target="catalogue"></span></li>';
    expect(withPageNumbers(html, new Map([['page-index', 3], ['catalogue', 12]]))).toBe('<li><a href="#page-index">Home</a><span class="print-toc-page" data-target="page-index">3</span></li><li><a href="#catalogue">Catalogue</a><span class="print-toc-page" data-target="catalogue">12</span></li>');
  });
});
