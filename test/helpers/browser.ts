/**
 * Debian's Chromium driven through playwright-core, as the browser tests use it: one launch
 * per test file, a watcher that records every request and every Content-Security-Policy
 * violation a page causes, and axe-core run inside the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildSite, projectRoot } from './build-site.ts';
import { serveStatic } from './serve.ts';

export const chromiumPath = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}; run \`bash test/ensure-chromium.sh\` (npm test does).`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Watch {
  /** Every URL the context requested (pages, workers), in order. */
  requests: string[];
  /** Console messages and page errors that report a Content-Security-Policy violation. */
  cspViolations: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  reset(): void;
}

/** Records what every page of a context asks for and what the browser refuses. */
export function watchContext(context: BrowserContext): Watch {
  const watch: Watch = {
    requests: [],
    cspViolations: [],
    pageErrors: [],
    reset() {
      watch.requests.length = 0;
      watch.cspViolations.length = 0;
      watch.pageErrors.length = 0;
    },
  };
  const onConsole = (text: string) => {
    if (/Content[ -]Security[ -]Policy/i.test(text)) watch.cspViolations.push(text);
  };
  context.on('request', (request) => watch.requests.push(request.url()));
  context.on('console', (message) => onConsole(message.text()));
  context.on('page', (page) => {
    page.on('pageerror', (error) => {
      watch.pageErrors.push(error.message);
      onConsole(error.message);
    });
    page.on('worker', (worker) => worker.on('console', (message) => onConsole(message.text())));
  });
  return watch;
}

/** Hosts other than the site's own that the recorded requests went to. */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
}

const axeSource = fs.readFileSync(path.join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Rules outside the WCAG tags that check the page's structure: landmarks, one h1, heading order. */
export const structureRules = [
  'landmark-one-main',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-unique',
  'landmark-banner-is-top-level',
  'landmark-contentinfo-is-top-level',
  'landmark-main-is-top-level',
  'page-has-heading-one',
  'heading-order',
  'region',
  'skip-link',
];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core's violations as readable lines. axe is evaluated through the DevTools protocol
 * rather than added as an inline script tag: the page's own CSP (rightly) refuses inline
 * scripts, and loosening it for the test would test a different site.
 */
export async function axeViolations(page: Page, runOnly: { type: 'tag' | 'rule'; values: string[] }): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: only, resultTypes: ['violations'] });
    return result.violations.map(({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  }, runOnly);
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.help}) at ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`),
  );
}

export interface SiteUnderTest {
  outDir: string;
  /** The preview server's origin: `http://127.0.0.1:<port>`. */
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds a fixture playbook with the real `astro build`, serves it and starts Chromium. */
export async function openSite(contentDir: string, env: Record<string, string> = {}): Promise<SiteUnderTest> {
  const build = buildSite(contentDir, env);
  if (build.status !== 0) {
    fs.rmSync(build.outDir, { recursive: true, force: true });
    throw new Error(`The fixture ${contentDir} did not build:\n${build.stderr}`);
  }
  const server = await serveStatic(build.outDir);
  const browser = await launchChromium();
  return {
    outDir: build.outDir,
    origin: server.origin,
    browser,
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(build.outDir, { recursive: true, force: true });
    },
  };
}
