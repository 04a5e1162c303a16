// If this breaks, an editor running `npm run dev` gets "page not found" for the catalogue
// downloads the competency index links to (the dev server wanted `/catalogue/case.json/`,
// with a slash, as for a page), or an empty print edition.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';
import { type DevServer, startDevServer } from '../helpers/dev-server.ts';

let server: DevServer;

beforeAll(async () => {
  server = await startDevServer(path.join(projectRoot, 'test/exports/fixtures/catalogue/content'));
});
afterAll(async () => server?.close());

describe('the dev server', () => {
  it('serves every edition\'s catalogue files as files', async () => {
    const caseFile = await fetch(`${server.origin}/catalogue/case.json`);
    expect(caseFile.status).toBe(200);
    expect(((await caseFile.json()) as { CFDocument: { caseVersion: string } }).CFDocument.caseVersion).toBe('1.1');
    const csv = await fetch(`${server.origin}/v/2025.2/catalogue/competencies.csv`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n')[2]).toMatch(/^strategic-foresight,Foresight,Strategy,/);
    expect((await fetch(`${server.origin}/changes.xml`)).status).toBe(200);
  });

  it('shows the print edition, drafts included as everywhere in the dev server', async () => {
    const html = await (await fetch(`${server.origin}/print/`)).text();
    expect([...html.matchAll(/data-page-id="([^"]*)"/g)].map((match) => match[1])).toEqual(['index', 'internal/leadership-lab', 'internal/zqxleakinternalrotation', 'external/northbridge', 'coaching/zqxleakdraftcoaching', 'measurement/readiness']);
  });
});
