// If this breaks, what the built site offers outside its pages is wrong: an HR analyst's
// download of catalogue.json does not match its published schema, competencies.csv splits a
// title across rows, case.json changes its identifiers between builds (a re-import adds a
// second framework), a search engine reads no structured data or the browser refuses it,
// the feed does not parse, the print edition skips, repeats or misorders pages or roles or
// shows a draft, `npm run pdf` prints a different document from the one Chromium shows (or
// wrong page numbers in its contents) — or a public build's exports name internal content,
// an internal role included.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium, structureRules, watchContext, wcagTags } from '../helpers/browser.ts';
import { buildSite, listFiles, nodeBin, projectRoot, readPage } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const fixture = path.join(projectRoot, 'test/exports/fixtures/catalogue/content');
const labTitle = 'Leadership lab, the "flagship"\nsix months';
const leadName = 'Programme lead, the "first rung"\nnew in post';
const catalogueFiles = ['case.json', 'catalogue.json', 'catalogue.schema.json', 'competencies.csv', 'initiatives.csv', 'roles.csv'];

let normalOut: string;
let publicOut: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  for (const audience of ['all', 'public'] as const) {
    const build = buildSite(fixture, audience === 'public' ? { PLAYBOOK_AUDIENCE: 'public' } : {});
    if (build.status !== 0) throw new Error(`The ${audience} build failed:\n${build.stderr}`);
    if (audience === 'all') normalOut = build.outDir;
    else publicOut = build.outDir;
  }
  server = await serveStatic(normalOut);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [normalOut, publicOut]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const read = (out: string, file: string) => fs.readFileSync(path.join(out, file), 'utf8');
const json = <T = Record<string, unknown>>(out: string, file: string) => JSON.parse(read(out, file)) as T;

interface CasePackage {
  CFDocument: { identifier: string; version: string };
  CFItems: { identifier: string; humanCodingScheme: string; CFItemType: string; abbreviatedStatement?: string }[];
  CFAssociations: { associationType: string; originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string } }[];
  CFRubrics: { CFRubricCriteria: { CFItemURI: { identifier: string }; CFRubricCriterionLevels: { quality: string; position: number }[] }[] }[];
}

describe('the catalogue files of a build', () => {
  it('are written for every edition', () => {
    expect(listFiles(path.join(normalOut, 'catalogue'))).toEqual(catalogueFiles);
    expect(listFiles(path.join(normalOut, 'v/2025.2/catalogue'))).toEqual(catalogueFiles);
    expect(fs.existsSync(path.join(normalOut, 'changes.xml'))).toBe(true);
  });

  it('catalogue.json, roles included, validates against the catalogue.schema.json published beside it (with Ajv, JSON Schema 2020-12)', () => {
    for (const [out, prefix, roles] of [[normalOut, '', 3], [normalOut, 'v/2025.2/', 0], [publicOut, '', 2]] as const) {
      const schema = json(out, `${prefix}catalogue/catalogue.schema.json`);
      const catalogue = json<{ $schema: string; roles: { id: string }[] }>(out, `${prefix}catalogue/catalogue.json`);
      expect(catalogue.roles).toHaveLength(roles);
      expect(catalogue.$schema).toBe(`https://playbook.example.org/${prefix}catalogue/catalogue.schema.json`);
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      addFormats.default(ajv);
      const validate = ajv.compile(schema);
      expect(validate(catalogue), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(json<{ competencies: { id: string; name: string }[] }>(normalOut, 'v/2025.2/catalogue/catalogue.json').competencies.map((c) => c.name)).toEqual(['Risk judgement', 'Foresight']);
  });

  it('competencies.csv, initiatives.csv and roles.csv round-trip through a CSV parser', () => {
    const competencies = parse(read(normalOut, 'catalogue/competencies.csv'), { columns: true }) as Record<string, string>[];
    expect(competencies.map((row) => row.id)).toEqual(['risk-judgement', 'stakeholder-management', 'strategic-foresight', 'zqxleakinternalcomp']);
    expect(competencies[1]!.name).toBe('Stakeholder management, "the long game"');
    const initiatives = parse(read(normalOut, 'catalogue/initiatives.csv'), { columns: true }) as Record<string, string>[];
    expect(initiatives.map((row) => row.title)).toEqual(['Northbridge programme', labTitle, 'Zqxleakinternaltitle rotation']);
    expect(initiatives[1]!.url).toBe('https://playbook.example.org/internal/leadership-lab/');
    const roles = parse(read(normalOut, 'catalogue/roles.csv'), { columns: true }) as Record<string, string>[];
    expect(roles.map((row) => `${row.name} | ${row.targets} | ${row.route}`)).toEqual([
      'Divisional director | risk-judgement: Expert; strategic-foresight: Practitioner | internal/leadership-lab; internal/zqxleakinternalrotation; external/northbridge',
      `${leadName} | strategic-foresight: Foundational; risk-judgement: Foundational | internal/leadership-lab`,
      'Zqxleakinternalrolename director | zqxleakinternalcomp: Zqxleakinternallevel; strategic-foresight: Expert | internal/leadership-lab; internal/zqxleakinternalrotation',
    ]);
    expect(roles[1]!.url).toBe('https://playbook.example.org/roles/programme-lead/');
    expect(parse(read(normalOut, 'v/2025.2/catalogue/roles.csv'), { columns: true })).toEqual([]);
  });

  it('case.json holds every competency, with associations and rubric levels as the content says, and the same UUIDs in another build and another edition', () => {
    const current = json<CasePackage>(normalOut, 'catalogue/case.json');
    const competencyItems = current.CFItems.filter((item) => item.CFItemType === 'Competency');
    expect(competencyItems.map((item) => item.humanCodingScheme)).toEqual(['risk-judgement', 'stakeholder-management', 'strategic-foresight', 'zqxleakinternalcomp']);
    const ids = [current.CFDocument.identifier, ...current.CFItems.map((item) => item.identifier)];
    expect(ids.filter((id) => !isUuid(id) || uuidVersion(id) !== 5)).toEqual([]);
    const code = new Map(current.CFItems.map((item) => [item.identifier, item.humanCodingScheme]));
    expect(current.CFAssociations.filter((a) => a.associationType === 'isRelatedTo').map((a) => `${code.get(a.originNodeURI.identifier)} ~ ${code.get(a.destinationNodeURI.identifier)}`)).toEqual([
      'risk-judgement ~ strategic-foresight',
      'risk-judgement ~ stakeholder-management',
      'strategic-foresight ~ risk-judgement',
      'zqxleakinternalcomp ~ strategic-foresight',
    ]);
    const levels = current.CFRubrics.map((rubric) => `${code.get(rubric.CFRubricCriteria[0]!.CFItemURI.identifier)}: ${rubric.CFRubricCriteria[0]!.CFRubricCriterionLevels.map((level) => level.quality).join(' < ')}`);
    expect(levels).toEqual(['risk-judgement: Foundational < Expert', 'strategic-foresight: Foundational < Practitioner < Expert', 'zqxleakinternalcomp: Zqxleakinternallevel']);
    const byCode = (cfPackage: CasePackage) => new Map(cfPackage.CFItems.map((item) => [item.humanCodingScheme, item.identifier]));
    const publicPackage = json<CasePackage>(publicOut, 'catalogue/case.json');
    expect(publicPackage.CFDocument.identifier).toBe(current.CFDocument.identifier);
    for (const [id, uuid] of byCode(publicPackage)) expect(byCode(current).get(id), id).toBe(uuid);
    const older = json<CasePackage>(normalOut, 'v/2025.2/catalogue/case.json');
    expect(older.CFDocument).toMatchObject({ identifier: current.CFDocument.identifier, version: '2025.2' });
    expect(byCode(older).get('strategic-foresight')).toBe(byCode(current).get('strategic-foresight'));
  });
});

describe('structured data', () => {
  const jsonLdOf = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);

  it('names a competency as a DefinedTerm, an initiative as a Course, the index as the DefinedTermSet', () => {
    expect(jsonLdOf(readPage(normalOut, '/competencies/risk-judgement/'))).toMatchObject([{ '@type': 'DefinedTerm', name: 'Risk judgement', termCode: 'risk-judgement', inDefinedTermSet: { '@type': 'DefinedTermSet', url: 'https://playbook.example.org/competencies/' } }]);
    const [course] = jsonLdOf(readPage(normalOut, '/external/northbridge/')) as [{ '@type': string; name: string; teaches: { name: string }[]; coursePrerequisites: { name: string }[] }];
    expect([course['@type'], course.name, course.teaches.map((term) => term.name), course.coursePrerequisites.map((c) => c.name)]).toEqual(['Course', 'Northbridge programme', ['Risk judgement', 'Stakeholder management, "the long game"'], [labTitle]]);
    expect(jsonLdOf(readPage(normalOut, '/competencies/'))[0]).toMatchObject({ '@type': 'DefinedTermSet', hasDefinedTerm: [{ name: 'Risk judgement' }, {}, {}, {}] });
    expect(jsonLdOf(readPage(normalOut, '/measurement/readiness/'))).toEqual([]);
  });

  it('is read by Chromium as data under the Content-Security-Policy, with no violation', async () => {
    const context = await browser.newContext();
    const watch = watchContext(context);
    const page = await context.newPage();
    for (const urlPath of ['/competencies/risk-judgement/', '/internal/leadership-lab/', '/competencies/']) {
      await page.goto(`${server.origin}${urlPath}`);
      const types = await page.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => (JSON.parse(script.textContent!) as { '@type': string })['@type']));
      expect(types, urlPath).toHaveLength(1);
    }
    expect(watch.cspViolations).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('the changes feed', () => {
  it('is well-formed Atom with an entry per edition, linking to what changed', () => {
    const feed = read(normalOut, 'changes.xml');
    expect(XMLValidator.validate(feed)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(feed) as { feed: { link: { '@_rel': string; '@_href': string }[]; entry: { title: string; link: { '@_href': string } }[] } };
    expect(parsed.feed.link.map((link) => `${link['@_rel']} ${link['@_href']}`)).toEqual(['self https://playbook.example.org/changes.xml', 'alternate https://playbook.example.org/']);
    expect(parsed.feed.entry.map((entry) => `${entry.title} ${entry.link['@_href']}`)).toEqual(['Current edition https://playbook.example.org/changes/', 'Edition 2025.2 https://playbook.example.org/v/2025.2/']);
  });
});

describe('the print edition', () => {
  const printed = (out: string, prefix = '') => readPage(out, `/${prefix}print/`);

  it('lists every published page once, in the playbook\'s order, and no draft, then the competencies, then the roles', () => {
    const html = printed(normalOut);
    expect(sectionIdsOf(html)).toEqual(['index', 'internal/leadership-lab', 'internal/zqxleakinternalrotation', 'external/northbridge', 'measurement/readiness']);
    expect([...html.matchAll(/data-competency-id="([^"]*)"/g)].map((match) => match[1])).toEqual(['strategic-foresight', 'zqxleakinternalcomp', 'risk-judgement', 'stakeholder-management']);
    expect(html).not.toMatch(/zqxleakdraft/i);
    const older = printed(normalOut, 'v/2025.2/');
    expect(sectionIdsOf(older)).toEqual(['index', 'internal/leadership-lab']);
    expect(roleIdsOf(older)).toEqual([]);
  });

  it('ends with each role once, on its own sheet, ladder by ladder, with its targets and route', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/print/`);
    const order = await page.locator('[data-page-id], [data-competency-id], [data-role-id]').evaluateAll((entries) => entries.map((entry) => (entry as HTMLElement).dataset.roleId ?? (entry as HTMLElement).dataset.competencyId ?? 'page'));
    expect(order.slice(-7)).toEqual(['strategic-foresight', 'zqxleakinternalcomp', 'risk-judgement', 'stakeholder-management', 'programme-lead', 'divisional-director', 'zqxleakinternalrole']);
    const director = page.locator('[data-role-id="divisional-director"]');
    expect(await director.locator('h2').innerText()).toBe('Divisional director');
    expect(await director.locator('table tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText.split('\t').slice(0, 2).join(': ')))).toEqual(['Risk judgement: Expert', 'Strategic foresight: Practitioner']);
    expect(await director.locator('ol li > a:first-child').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['#page-internal/leadership-lab', '#page-internal/zqxleakinternalrotation', '#page-external/northbridge']);
    expect(await director.evaluate((section) => getComputedStyle(section).breakBefore)).toBe('auto');
    await page.emulateMedia({ media: 'print' });
    expect(await director.evaluate((section) => getComputedStyle(section).breakBefore)).toBe('page');
    // An A4 sheet is as narrow as a phone: the targets must still print as a table, not as the role page's stacked cards.
    await page.setViewportSize({ width: 680, height: 960 });
    expect(await director.locator('table tbody tr').evaluateAll((rows) => rows.map((row) => getComputedStyle(row).display))).toEqual(['table-row', 'table-row']);
    const contents = await page.locator('.print-toc > ol > li').last().locator('a').evaluateAll((links) => links.map((a) => `${a.textContent} ${a.getAttribute('href')}`));
    expect(contents).toEqual(['Roles #roles', `${leadName} #role-programme-lead`, 'Divisional director #role-divisional-director', 'Zqxleakinternalrolename director #role-zqxleakinternalrole']);
    await page.close();
  });

  it('links within the document: every in-page link has its target, and two pages\' "How it works" stay apart', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/print/`);
    const broken = await page.evaluate(() => [...document.querySelectorAll('.print-document a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))).filter((id) => !document.getElementById(id)));
    expect(broken).toEqual([]);
    const hrefs = await page.locator('#page-index a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['#page-internal/leadership-lab', '#page-internal/leadership-lab--how-it-works', '#page-external/northbridge', '#catalogue', '#competency-strategic-foresight', '#roles', '#role-divisional-director']));
    const fromRole = await page.locator('[data-role-id="divisional-director"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(fromRole).toEqual(expect.arrayContaining(['#role-programme-lead', '#page-external/northbridge', '#competency-risk-judgement', '#competency-strategic-foresight']));
    expect(fromRole.filter((href) => !href!.startsWith('#'))).toEqual([]);
    expect(await page.locator('[id$="--how-it-works"]').evaluateAll((headings) => headings.map((h) => `${h.tagName} ${h.id}`))).toEqual(['H3 page-index--how-it-works', 'H3 page-internal/leadership-lab--how-it-works']);
    await page.close();
  });

  it('has no WCAG 2.2 A/AA violation, one h1 and headings in order', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/print/`);
    expect(await axeViolations(page, { type: 'tag', values: wcagTags })).toEqual([]);
    expect(await axeViolations(page, { type: 'rule', values: structureRules })).toEqual([]);
    const levels = await page.locator('main h1, main h2, main h3, main h4, main h5, main h6').evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level}`] : []))).toEqual([]);
    await page.close();
  });

  it('npm run pdf prints each edition with as many pages as Chromium gives /print/, and numbers the contents with the pages the sections start on', async () => {
    const result = spawnSync(nodeBin, ['plugins/astro-trellis/pdf.ts'], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, PLAYBOOK_OUT: normalOut } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const pdf = path.join(normalOut, 'playbook.pdf');
    expect(result.stdout).toBe(`Printed the current edition to ${pdf}: ${pdfPages(pdf)} pages.\nPrinted edition 2025.2 to ${path.join(normalOut, 'v/2025.2/playbook.pdf')}: ${pdfPages(path.join(normalOut, 'v/2025.2/playbook.pdf'))} pages.\n`);
    const page = await browser.newPage();
    await page.goto(`${server.origin}/print/`);
    const shown = path.join(normalOut, 'shown.pdf');
    fs.writeFileSync(shown, await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    expect(pdfPages(pdf)).toBe(pdfPages(shown));
    // Each page after the title page and the contents starts a sheet: at least one each.
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2 + 5 + 1);
    const contents = pdfText(pdf, 2);
    for (const title of ['Northbridge programme', 'Promotion readiness', 'Competency catalogue', 'Divisional director']) {
      const number = Number(new RegExp(`${title}\\s+(\\d+)`).exec(contents)?.[1]);
      expect(pdfText(pdf, number), `${title} on page ${number}`).toContain(title);
    }
  });
});

describe('a public build', () => {
  it('exports only public content: no internal or draft word in any file, data and print edition included', () => {
    const found = listFiles(publicOut).flatMap((file) => {
      const bytes = fs.readFileSync(path.join(publicOut, file));
      let text = bytes.toString('latin1');
      try {
        text = zlib.gunzipSync(bytes).toString('latin1');
      } catch {
        // Not gzip: the bytes are what is served.
      }
      return /zqxleak/i.test(text) || /zqxleak/i.test(file) ? [file] : [];
    });
    expect(found).toEqual([]);
    expect(read(publicOut, 'catalogue/catalogue.json')).toContain('Northbridge programme');
    expect(sectionIdsOf(readPage(publicOut, '/print/'))).toEqual(['index', 'internal/leadership-lab', 'external/northbridge', 'measurement/readiness']);
    expect(roleIdsOf(readPage(publicOut, '/print/'))).toEqual(['programme-lead', 'divisional-director']);
    expect((parse(read(publicOut, 'catalogue/roles.csv'), { columns: true }) as Record<string, string>[]).map((row) => `${row.id}: ${row.route}`)).toEqual(['divisional-director: internal/leadership-lab; external/northbridge', 'programme-lead: internal/leadership-lab']);
  });
});

function sectionIdsOf(html: string): string[] {
  return [...html.matchAll(/data-page-id="([^"]*)"/g)].map((match) => match[1]!);
}

function roleIdsOf(html: string): string[] {
  return [...html.matchAll(/data-role-id="([^"]*)"/g)].map((match) => match[1]!);
}

/** Pages of a PDF as poppler's pdfinfo counts them: an independent reader, not ours. */
function pdfPages(file: string): number {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
}

function pdfText(file: string, page: number): string {
  return spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' }).stdout;
}
