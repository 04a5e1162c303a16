/**
 * `npm run pdf`: prints the print edition (`/print/`) of each edition of the built site to
 * `<out>/playbook.pdf` and `<out>/v/<label>/playbook.pdf`, with the Chromium on the machine.
 * Chromium has no CSS `target-counter()`, so the contents cannot number themselves: each
 * edition is printed once to learn on which page every section starts (the PDF's named
 * destinations say), then again with those numbers written into the contents.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CommandOutcome, readSettings, SettingsError } from '../../playbook/index.ts';
import { type PdfFacts, readPdfFacts } from './pdf-file.ts';
import { type PrintServer, servePrintSite } from './pdf-server.ts';

/** The PDF command never exits 2: it takes no arguments. */
export type PdfOutcome = CommandOutcome & { exitCode: 0 | 1 };

interface PrintedEdition {
  /** `the current edition`, `edition 2025.2`. */
  name: string;
  /** The edition's folder in the output: `` or `v/2025.2/`. */
  folder: string;
}

/** Where Chromium usually is, after `CHROMIUM_PATH` and Debian's `/usr/bin/chromium`: by name on PATH. */
const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
/** Prints until the contents' numbers stop moving; one more print settles them in practice. */
const maxPrints = 4;

export async function runPdfCommand(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<PdfOutcome> {
  let outDir: string;
  try {
    outDir = readSettings(env, cwd).outDir;
  } catch (error) {
    if (error instanceof SettingsError) return failure(error.message);
    throw error;
  }
  const editions = printedEditions(outDir);
  if (!editions.length) return failure(`There is no built site in ${outDir} (no print/index.html): run \`npm run build\` first, with the same PLAYBOOK_OUT.`);
  const chromium = findChromium(env);
  if ('problem' in chromium) return failure(chromium.problem);
  const base = `/${(env.PLAYBOOK_BASE ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = await servePrintSite(outDir, base);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-pdf-'));
  const lines: string[] = [];
  try {
    for (const edition of editions) {
      const file = path.join(outDir, edition.folder, 'playbook.pdf');
      const facts = await printEdition({ chromium: chromium.path, server, profile }, `${base}${edition.folder}print/`, file);
      const numbered = facts.destinations.size > 0 ? '' : ' (the contents have no page numbers: this Chromium\'s PDF could not be read back)';
      lines.push(`Printed ${edition.name} to ${file}: ${facts.pageCount} pages${numbered}.`);
    }
  } catch (error) {
    if (error instanceof ChromiumFailed) return failure(error.message, lines);
    throw error;
  } finally {
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: 0 };
}

function failure(message: string, done: string[] = []): PdfOutcome {
  return { stdout: done.length ? `${done.join('\n')}\n` : '', stderr: `${message}\n`, exitCode: 1 };
}

/** The current edition first, then the older ones in the output, by label. */
export function printedEditions(outDir: string): PrintedEdition[] {
  if (!fs.existsSync(path.join(outDir, 'print/index.html'))) return [];
  const older = fs.existsSync(path.join(outDir, 'v')) ? fs.readdirSync(path.join(outDir, 'v')).filter((label) => fs.existsSync(path.join(outDir, 'v', label, 'print/index.html'))).sort() : [];
  return [{ name: 'the current edition', folder: '' }, ...older.map((label) => ({ name: `edition ${label}`, folder: `v/${label}/` }))];
}

/** `CHROMIUM_PATH`, else the first Chromium or Chrome found; or what to do when there is none. */
export function findChromium(env: NodeJS.ProcessEnv, known: readonly string[] = ['/usr/bin/chromium']): { path: string } | { problem: string } {
  if (env.CHROMIUM_PATH) {
    return isExecutable(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH } : { problem: `CHROMIUM_PATH is \`${env.CHROMIUM_PATH}\`, which is not a program this user can run; point it at Chromium or Chrome, or leave it unset to look for one.` };
  }
  const folders = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const found = [...known, ...chromiumNames.flatMap((name) => folders.map((folder) => path.join(folder, name)))].find(isExecutable);
  if (found) return { path: found };
  return { problem: `No Chromium found (looked for ${[...known, ...chromiumNames.map((name) => `${name} on PATH`)].join(', ')}): install it (on Debian or Ubuntu, \`sudo apt-get install chromium\`), or set CHROMIUM_PATH to Chromium or Chrome.` };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

interface Printer {
  chromium: string;
  server: PrintServer;
  profile: string;
}

/** Prints `urlPath` to `file`, then again with the contents numbered until the numbers hold. */
async function printEdition(printer: Printer, urlPath: string, file: string): Promise<PdfFacts> {
  printer.server.rewrite(urlPath, undefined);
  let facts = await printOnce(printer, urlPath, file);
  for (let print = 2; print <= maxPrints && facts.destinations.size > 0; print++) {
    const numbers = facts.destinations;
    printer.server.rewrite(urlPath, (html) => withPageNumbers(html, numbers));
    facts = await printOnce(printer, urlPath, file);
    if ([...numbers].every(([anchor, page]) => facts.destinations.get(anchor) === page)) break;
  }
  printer.server.rewrite(urlPath, undefined);
  return facts;
}

/** The print view leaves an empty `print-toc-page` after each entry of the contents, with room kept for the number. */
export function withPageNumbers(html: string, pages: ReadonlyMap<string, number>): string {
  return html.replace(/(<span class="print-toc-page" data-target="([^"]*)">)(<\/span>)/g, (whole, open: string, anchor: string, close: string) => {
    const page = pages.get(anchor);
    return page ? `${open}${page}${close}` : whole;
  });
}

class ChromiumFailed extends Error {}

function printOnce(printer: Printer, urlPath: string, file: string): Promise<PdfFacts> {
  const args = [
    '--headless',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    `--user-data-dir=${printer.profile}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${file}`,
    // Chromium refuses to start as root with its sandbox on (containers, CI runners).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `${printer.server.origin}${urlPath}`,
  ];
  fs.rmSync(file, { force: true });
  return new Promise((resolve, reject) => {
    execFile(printer.chromium, args, { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error || !fs.existsSync(file)) {
        const said = stderr.trim().split('\n').slice(-3).join('\n');
        reject(new ChromiumFailed(`Chromium (${printer.chromium}) could not print ${urlPath}${error ? `: ${error.message.split('\n')[0]}` : ''}.${said ? `\nIt said:\n${said}` : ''}\nCheck that it starts (\`${printer.chromium} --version\`), or set CHROMIUM_PATH to another Chromium or Chrome.`));
      } else resolve(readPdfFacts(fs.readFileSync(file)));
    });
  });
}
