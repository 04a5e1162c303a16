/**
 * `npm run bench`: builds generated playbooks with Trellis and with the Starlight reference,
 * alternating the two, and prints one table. Not part of `npm test`: it takes many minutes
 * and its numbers depend on the machine. See BENCHMARKS.md for how to read the results.
 *
 *   npm run bench                      all sizes (200, 1000, 3000, 1000 + 2 editions), 2 runs
 *   npm run bench -- --sizes 1000      one size; --runs 3; --no-starlight; --no-check; --no-dev; --no-warm
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '../helpers/dev-server.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const sharedBench = path.resolve(process.env.TRELLIS_BENCH_SHARED ?? path.join(projectRoot, '../shared/bench'));
const cacheRoot = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'trellis-bench');
const node = process.execPath;

interface Corpus {
  name: string;
  pages: number;
  versions: number;
}

interface Measure {
  tool: 'trellis' | 'starlight';
  corpus: string;
  run: number;
  wall: number;
  cpu: number;
  rssMiB: number;
  htmlPages: number;
  outMiB: number;
  searchMiB: number;
  maxPageKiB?: number;
  jsKiB?: number;
}

const corpora: Corpus[] = [
  { name: '200', pages: 200, versions: 0 },
  { name: '1000', pages: 1000, versions: 0 },
  { name: '3000', pages: 3000, versions: 0 },
  { name: '1000+2 editions', pages: 1000, versions: 2 },
  { name: '10000', pages: 10000, versions: 0 },
];

/** Starlight takes too long beyond this to be run alongside (minutes per build). */
const starlightMaxPages = 3000;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  if (!fs.existsSync(path.join(sharedBench, 'gen-corpus.mjs'))) {
    console.error(`The benchmark needs ../shared/bench (the corpus generator and the Starlight reference), which is not at ${sharedBench}.\nSet TRELLIS_BENCH_SHARED to its folder, or run the benchmark from a development checkout that has it.`);
    process.exit(1);
  }
  const sizes = option('--sizes')?.split(',');
  const runs = Number(option('--runs') ?? 2);
  const withStarlight = !args.includes('--no-starlight');
  const chosen = corpora.filter((corpus) => !sizes || sizes.includes(corpus.name) || sizes.includes(corpus.name.replace(/\+.*/, '+v')));
  fs.mkdirSync(cacheRoot, { recursive: true });
  const bench = prepareSharedCopy();
  if (withStarlight) installStarlight(bench);
  const results: Measure[] = [];
  for (const corpus of chosen) {
    const dir = generate(bench, corpus);
    for (let run = 1; run <= runs; run++) {
      results.push(measureTrellis(dir, corpus, run));
      if (withStarlight && corpus.pages <= starlightMaxPages) results.push(measureStarlight(bench, dir, corpus, run));
    }
  }
  printTable(results);
  if (!args.includes('--no-warm')) printWarm(chosen.filter((corpus) => corpus.versions === 0 && corpus.pages >= 1000).map((corpus) => ({ corpus, dir: generate(bench, corpus) })), runs);
  if (!args.includes('--no-check') && (!sizes || sizes.includes('3000'))) printCheckVersusFloor(bench, runs);
  if (!args.includes('--no-dev')) await printDevServer(bench, chosen.filter((corpus) => corpus.versions === 0 && corpus.pages >= 1000), runs);
}

/**
 * The editor's loop: how long `npm run dev` takes to serve the home page, and how long a saved
 * title takes to show in that page, edited `runs × 3` times; the median is printed.
 */
async function printDevServer(bench: string, chosen: Corpus[], runs: number): Promise<void> {
  console.log('\n| dev server | run | start s (to the home page) | save → updated page, median s | of saves |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const corpus of chosen) {
    const dir = generate(bench, corpus);
    for (let run = 1; run <= runs; run++) {
      const started = performance.now();
      const dev = await startDevServer(path.join(dir, 'content'));
      const start = (performance.now() - started) / 1000;
      const page = `playbook/${firstInitiative(dev.contentDir)}`;
      const url = `${dev.origin}/${page.replace(/^playbook\//, '').replace(/\.mdx?$/, '')}/`;
      await fetch(url);
      const saves: number[] = [];
      for (let edit = 1; edit <= 3; edit++) {
        const title = /^title: (.*)$/m.exec(fs.readFileSync(path.join(dev.contentDir, page), 'utf8'))![1]!;
        const saved = performance.now();
        dev.edit(page, `title: ${title}`, `title: ${title.replace(/ \(edit \d+\)$/, '')} (edit ${edit})`);
        while (!(await (await fetch(url)).text()).includes(`(edit ${edit})</h1>`)) await new Promise((resolve) => setTimeout(resolve, 25));
        saves.push((performance.now() - saved) / 1000);
      }
      await dev.close();
      const median = [...saves].sort((a, b) => a - b)[1]!;
      console.log(`| ${corpus.name} pages | ${run} | ${start.toFixed(2)} | ${median.toFixed(2)} | ${saves.map((s) => s.toFixed(2)).join(', ')} |`);
    }
  }
}

/** `internal/<first page>.mdx`, relative to the content folder's `playbook/`. */
function firstInitiative(content: string): string {
  const folder = path.join(content, 'playbook/internal');
  const file = fs.readdirSync(folder).filter((name) => /\.mdx?$/.test(name) && name !== 'index.mdx').sort()[0]!;
  return `internal/${file}`;
}

/** shared/ is read-only; the bench works on a copy in the cache folder. */
function prepareSharedCopy(): string {
  const copy = path.join(cacheRoot, 'bench');
  fs.mkdirSync(copy, { recursive: true });
  for (const file of ['gen-corpus.mjs', 'parse-floor.mjs', 'timeit.sh']) {
    fs.copyFileSync(path.join(sharedBench, file), path.join(copy, file));
    fs.chmodSync(path.join(copy, file), 0o755);
  }
  const starlight = path.join(copy, 'starlight');
  fs.mkdirSync(starlight, { recursive: true });
  for (const entry of fs.readdirSync(path.join(sharedBench, 'starlight'), { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    fs.cpSync(path.join(sharedBench, 'starlight', entry.name), path.join(starlight, entry.name), { recursive: true, force: true });
  }
  execFileSync('chmod', ['-R', 'u+w', copy]);
  return copy;
}

function installStarlight(bench: string): void {
  const starlight = path.join(bench, 'starlight');
  if (fs.existsSync(path.join(starlight, 'node_modules/.bin/astro'))) return;
  console.error('Installing the Starlight reference (npm ci, once)...');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: starlight, stdio: 'inherit' });
}

function generate(bench: string, corpus: Corpus): string {
  const dir = path.join(cacheRoot, `corpus-${corpus.pages}-v${corpus.versions}`);
  if (!fs.existsSync(path.join(dir, 'content'))) {
    const args = [path.join(bench, 'gen-corpus.mjs'), '--pages', String(corpus.pages), '--out', dir, '--force'];
    if (corpus.versions) args.push('--versions', String(corpus.versions));
    execFileSync(node, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}

function timeit(bench: string, log: string, command: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const result = spawnSync(path.join(bench, 'timeit.sh'), [log, '--', ...command], { ...options, encoding: 'utf8' });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  const field = (name: string) => Number(new RegExp(`${name}=([0-9.]+)`).exec(line)?.[1] ?? NaN);
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed (${line}); see ${log}`);
  return { wall: field('wall_s'), cpu: field('cpu_s'), rssMiB: field('peak_rss_mib') };
}

function measureTrellis(dir: string, corpus: Corpus, run: number): Measure {
  const out = path.join(cacheRoot, 'trellis-out');
  const astroCache = path.join(cacheRoot, 'trellis-astro-cache');
  for (const stale of [out, astroCache, path.join(projectRoot, '.astro'), path.join(projectRoot, 'node_modules/.cache/trellis')]) fs.rmSync(stale, { recursive: true, force: true });
  const log = path.join(cacheRoot, `trellis-${corpus.pages}-v${corpus.versions}-${run}.log`);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_CONTENT: path.join(dir, 'content'), PLAYBOOK_OUT: out, PLAYBOOK_CACHE_DIR: astroCache, PLAYBOOK_TODAY: '2026-11-25' };
  const time = timeit(path.join(cacheRoot, 'bench'), log, [node, path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: projectRoot, env });
  const html = htmlFiles(out);
  // Playbook pages only: not the home page, layer listings, competency pages (which list every
  // page that develops them), What changed pages, search or 404.
  const playbookPages = html.filter((file) => !/^(v\/[^/]+\/)?((competencies|changes|search|print|health|roles|plan)\/|(internal|external|coaching|governance|measurement|guide)\/(index\.html|page\/)|index\.html$)|^404\.html$/.test(path.relative(out, file)));
  const measure: Measure = {
    tool: 'trellis', corpus: corpus.name, run, ...time, htmlPages: html.length, outMiB: mib(duBytes(out)), searchMiB: mib(duBytes(path.join(out, 'pagefind'))),
    maxPageKiB: Math.max(...playbookPages.map((file) => fs.statSync(file).size)) / 1024,
    jsKiB: clientScriptBytes(out, playbookPages[0]!) / 1024,
  };
  report(measure);
  return measure;
}

function measureStarlight(bench: string, dir: string, corpus: Corpus, run: number): Measure {
  const starlight = path.join(bench, 'starlight');
  const label = `${corpus.pages}-v${corpus.versions}-${run}`;
  const result = spawnSync(path.join(starlight, 'bench.sh'), [dir, label], { encoding: 'utf8', env: { ...process.env, BENCH_LOG_DIR: cacheRoot } });
  if (result.status !== 0) throw new Error(`Starlight build failed: ${result.stdout}${result.stderr}`);
  const line = result.stdout.trim().split('\n').at(-1)!;
  const field = (name: string) => Number(new RegExp(`${name}=([0-9.]+)`).exec(line)?.[1] ?? NaN);
  const dist = path.join(starlight, 'dist');
  const measure: Measure = {
    tool: 'starlight', corpus: corpus.name, run, wall: field('wall_s'), cpu: field('cpu_s'), rssMiB: field('peak_rss_mib'), htmlPages: field('html_pages'),
    outMiB: mib(duBytes(dist)), searchMiB: mib(duBytes(path.join(dist, 'pagefind'))),
  };
  report(measure);
  return measure;
}

/**
 * Warm builds and checks, after a cold build with the same caches: nothing changed, a
 * one-line edit of one page, one competency renamed (which changes many pages); and
 * `npm run check` after the one-line edit. Each on a copy of the corpus, edits undone after.
 */
function printWarm(corpora: { corpus: Corpus; dir: string }[], runs: number): void {
  console.log('\n| corpus | warm after | run | wall s | CPU s | peak RSS MiB | pages rendered |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const { corpus, dir } of corpora) {
    for (let run = 1; run <= runs; run++) {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-warm-'));
      const content = path.join(scratch, 'content');
      fs.cpSync(path.join(dir, 'content'), content, { recursive: true });
      const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAYBOOK_CONTENT: content, PLAYBOOK_OUT: path.join(scratch, 'out'), PLAYBOOK_CACHE_DIR: path.join(scratch, 'astro-cache'), PLAYBOOK_TODAY: '2026-11-25' };
      const build = (what: string) => {
        const log = path.join(cacheRoot, `warm-${corpus.name}-${what}-${run}.log`);
        const time = timeit(path.join(cacheRoot, 'bench'), log, [node, path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: projectRoot, env });
        const rendered = [...fs.readFileSync(log, 'utf8').matchAll(/[├└]─ (\S+?index\.html)( \((?:restored|cached)\))?/g)].filter((match) => !match[2]).length;
        console.log(`| ${corpus.name} | ${what} | ${run} | ${time.wall.toFixed(2)} | ${time.cpu.toFixed(2)} | ${time.rssMiB} | ${rendered} |`);
      };
      build('cold (fills the caches)');
      build('nothing changed');
      const page = path.join(content, 'playbook', firstInitiative(content));
      fs.appendFileSync(page, '\nOne more line of guidance.\n');
      build('one-line edit of one page');
      const check = timeit(path.join(cacheRoot, 'bench'), path.join(cacheRoot, `warm-check-${corpus.name}-${run}.log`), [node, path.join(projectRoot, 'plugins/checker/cli.ts')], { cwd: projectRoot, env });
      console.log(`| ${corpus.name} | npm run check after that edit | ${run} | ${check.wall.toFixed(2)} | ${check.cpu.toFixed(2)} | ${check.rssMiB} | |`);
      const competency = path.join(content, 'competencies', fs.readdirSync(path.join(content, 'competencies')).sort()[0]!);
      fs.writeFileSync(competency, fs.readFileSync(competency, 'utf8').replace(/^name: (.*)$/m, 'name: $1 (renamed)'));
      build('competency renamed');
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
}

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Compressed bytes of the scripts a playbook page loads before search is opened. */
function clientScriptBytes(out: string, page: string): number {
  const html = fs.readFileSync(page, 'utf8');
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
  return sources.reduce((sum, source) => sum + zlib.gzipSync(fs.readFileSync(path.join(out, source))).length, 0);
}

function duBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

const mib = (bytes: number) => bytes / 1048576;

function report(m: Measure): void {
  console.error(`${m.tool} ${m.corpus} run ${m.run}: ${m.wall.toFixed(1)} s wall, ${m.rssMiB} MiB peak, ${m.htmlPages} pages`);
}

function printTable(results: Measure[]): void {
  console.log(`\nNode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| corpus | tool | run | wall s | CPU s | peak RSS MiB | HTML pages | ms/page | output MiB | search index MiB | largest playbook page KiB | JS before search KiB gz | wall Trellis/Starlight | RSS Trellis/Starlight |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const m of results) {
    const peer = m.tool === 'trellis' ? results.find((o) => o.tool === 'starlight' && o.corpus === m.corpus && o.run === m.run) : undefined;
    const ratio = (a: number, b?: number) => (b ? (a / b).toFixed(2) : '');
    console.log(`| ${m.corpus} | ${m.tool} | ${m.run} | ${m.wall.toFixed(2)} | ${m.cpu.toFixed(2)} | ${m.rssMiB} | ${m.htmlPages} | ${((m.wall * 1000) / m.htmlPages).toFixed(1)} | ${m.outMiB.toFixed(1)} | ${m.searchMiB.toFixed(1)} | ${m.maxPageKiB?.toFixed(1) ?? ''} | ${m.jsKiB?.toFixed(2) ?? ''} | ${ratio(m.wall, peer?.wall)} | ${ratio(m.rssMiB, peer?.rssMiB)} |`);
  }
}

/** `npm run check` against remark parsing the same 3000 files and nothing else. */
function printCheckVersusFloor(bench: string, runs: number): void {
  const deps = path.join(cacheRoot, 'floor-deps');
  if (!fs.existsSync(path.join(deps, 'node_modules/remark-parse'))) {
    fs.mkdirSync(deps, { recursive: true });
    fs.writeFileSync(path.join(deps, 'package.json'), '{"private":true}');
    execFileSync('npm', ['i', '-E', '--no-audit', '--no-fund', 'unified@11.0.5', 'remark-parse@11.0.0', 'remark-frontmatter@5.0.0', 'remark-gfm@4.0.1', 'remark-directive@4.0.0', 'remark-mdx@3.1.1', 'yaml@2.9.1'], { cwd: deps, stdio: 'ignore' });
  }
  const dir = generate(bench, { name: '3000', pages: 3000, versions: 0 });
  console.log('\n| 3000 pages | run | wall s | CPU s | peak RSS MiB | check / floor |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (let run = 1; run <= runs; run++) {
    const env = { ...process.env, PLAYBOOK_CONTENT: path.join(dir, 'content'), PLAYBOOK_TODAY: '2026-11-25' };
    const floor = timeit(bench, path.join(cacheRoot, `floor-${run}.log`), [node, path.join(bench, 'parse-floor.mjs'), dir, '--deps', deps, '--mdx'], { cwd: projectRoot, env });
    const check = timeit(bench, path.join(cacheRoot, `check-${run}.log`), [node, path.join(projectRoot, 'plugins/checker/cli.ts')], { cwd: projectRoot, env });
    console.log(`| parse floor (remark + mdx + gfm + directive + frontmatter) | ${run} | ${floor.wall.toFixed(2)} | ${floor.cpu.toFixed(2)} | ${floor.rssMiB} | |`);
    console.log(`| npm run check | ${run} | ${check.wall.toFixed(2)} | ${check.cpu.toFixed(2)} | ${check.rssMiB} | ${(check.wall / floor.wall).toFixed(2)} |`);
  }
}

await main();
