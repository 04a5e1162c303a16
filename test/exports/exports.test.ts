// If this breaks, an HR system that imports the playbook's catalogue gets a wrong or broken
// file: a competency missing or duplicated, a CSV row split by a comma or a line break in a
// title, CASE identifiers that change between builds (so a re-import adds a second
// framework), a rubric with its levels out of order, structured data that a title can break
// out of, a feed no reader can parse, a print edition that skips or repeats a page or role, a
// role's targets or route missing from the data — or a public build's exports that name an
// internal or draft page or an internal role.
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { describe, expect, it } from 'vitest';
import { editionChanges } from '../../plugins/editions/index.ts';
import { casePackage, catalogueJsonSchema, catalogueOf, changesFeed, competenciesCsv, competencyJsonLd, type ExportContext, initiativeJsonLd, initiativesCsv, jsonLdText, printOutline, printTargets, type Relation, rolesCsv } from '../../plugins/exports/index.ts';
import { loadPlaybook, type SiteEdition, siteEditions } from '../../plugins/playbook/index.ts';
import { projectRoot } from '../helpers/build-site.ts';

const content = path.join(projectRoot, 'test/exports/fixtures/catalogue/content');
const labTitle = 'Leadership lab, the "flagship"\nsix months';
const leadName = 'Programme lead, the "first rung"\nnew in post';

const context: ExportContext = {
  siteUrl: 'https://playbook.example.org/',
  title: 'Fixture playbook',
  date: '2026-11-25',
  labels: {
    clusters: { strategy: 'Strategy', culture: 'Culture', risk: 'Risk', people: 'People', execution: 'Execution' },
    layers: { internal: 'Internal programmes', external: 'External partnerships', coaching: 'Coaching', governance: 'Governance', measurement: 'Measurement', guide: 'Guides' },
  },
};

function editions(audience: 'all' | 'public' = 'all'): SiteEdition[] {
  return siteEditions(loadPlaybook(content).playbook, { audience, includeDrafts: false, base: '/' });
}

const schemaUrl = 'https://playbook.example.org/catalogue/catalogue.schema.json';

/** A JSON Schema validator, as a consumer of the catalogue would use one (URLs checked too). */
function validatorOf(schema: object) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
const caseUrl = 'https://playbook.example.org/catalogue/case.json';

describe('catalogue.json', () => {
  it('holds every published competency, initiative, page and role, with every frontmatter field, and validates against its own JSON Schema', () => {
    const [current] = editions();
    const catalogue = catalogueOf(current!, context, schemaUrl);
    expect(catalogue.competencies.map((c) => c.id)).toEqual(['risk-judgement', 'stakeholder-management', 'strategic-foresight', 'zqxleakinternalcomp']);
    expect(catalogue.initiatives.map((p) => p.id)).toEqual(['external/northbridge', 'internal/leadership-lab', 'internal/zqxleakinternalrotation']);
    expect(catalogue.pages.map((p) => p.id)).toEqual(['index', 'measurement/readiness']);
    expect(catalogue.roles.map((r) => r.name)).toEqual(['Divisional director', leadName, 'Zqxleakinternalrolename director']);
    expect(catalogue.roles[0]).toEqual({
      id: 'divisional-director',
      url: 'https://playbook.example.org/roles/divisional-director/',
      name: 'Divisional director',
      summary: 'Runs a division and its P&L.',
      targets: { 'risk-judgement': 'Expert', 'strategic-foresight': 'Practitioner' },
      grows_from: ['programme-lead'],
      visibility: 'public',
      route: { from: 'programme-lead', initiatives: ['internal/leadership-lab', 'internal/zqxleakinternalrotation', 'external/northbridge'], unreachable: [] },
    });
    expect(catalogue.roles[2]!.route).toEqual({ from: 'divisional-director', initiatives: ['internal/leadership-lab', 'internal/zqxleakinternalrotation'], unreachable: [{ competency: 'strategic-foresight', level: 'Expert' }] });
    expect(catalogue.initiatives[1]).toEqual({
      id: 'internal/leadership-lab',
      url: 'https://playbook.example.org/internal/leadership-lab/',
      title: labTitle,
      description: 'A six-month cohort lab in which new executives work on live business problems.',
      layer: 'internal',
      develops: [{ id: 'strategic-foresight' }, { id: 'risk-judgement' }],
      prerequisites: [],
      formats: ['virtual-cohort', 'case-study'],
      intakes: [],
      owner: 'Head of Leadership Development',
      audience: ['new-executives', '360'],
      status: 'published',
      visibility: 'public',
      metrics: ['measurement/readiness'],
      tags: ['cohort'],
    });
    const validate = validatorOf(catalogueJsonSchema(schemaUrl));
    expect(validate(JSON.parse(JSON.stringify(catalogue))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('lists the relations as edges between published entries, with the levels and the route\'s order', () => {
    const [current] = editions();
    const edge = (r: Relation) => `${r.type} ${r.from} -> ${r.to}${r.level ? ` at ${r.level}` : ''}${r.step ? ` step ${r.step}` : ''}`;
    expect(catalogueOf(current!, context, schemaUrl).relations.map(edge)).toEqual([
      'develops external/northbridge -> risk-judgement at Expert',
      'develops external/northbridge -> stakeholder-management',
      'prerequisite external/northbridge -> internal/leadership-lab',
      'develops internal/leadership-lab -> strategic-foresight',
      'develops internal/leadership-lab -> risk-judgement',
      'metric internal/leadership-lab -> measurement/readiness',
      'develops internal/zqxleakinternalrotation -> zqxleakinternalcomp',
      'develops internal/zqxleakinternalrotation -> strategic-foresight at Practitioner',
      'prerequisite internal/zqxleakinternalrotation -> internal/leadership-lab',
      'related risk-judgement -> strategic-foresight',
      'related risk-judgement -> stakeholder-management',
      'related strategic-foresight -> risk-judgement',
      'related zqxleakinternalcomp -> strategic-foresight',
      'target divisional-director -> risk-judgement at Expert',
      'target divisional-director -> strategic-foresight at Practitioner',
      'grows-from divisional-director -> programme-lead',
      'route-step divisional-director -> internal/leadership-lab step 1',
      'route-step divisional-director -> internal/zqxleakinternalrotation step 2',
      'route-step divisional-director -> external/northbridge step 3',
      'target programme-lead -> strategic-foresight at Foundational',
      'target programme-lead -> risk-judgement at Foundational',
      'route-step programme-lead -> internal/leadership-lab step 1',
      'target zqxleakinternalrole -> zqxleakinternalcomp at Zqxleakinternallevel',
      'target zqxleakinternalrole -> strategic-foresight at Expert',
      'grows-from zqxleakinternalrole -> divisional-director',
      'route-step zqxleakinternalrole -> internal/leadership-lab step 1',
      'route-step zqxleakinternalrole -> internal/zqxleakinternalrotation step 2',
    ]);
  });

  it('rejects what the schema does not describe: an unknown field, a missing one, a wrong value', () => {
    const validate = validatorOf(catalogueJsonSchema(schemaUrl));
    const catalogue = JSON.parse(JSON.stringify(catalogueOf(editions()[0]!, context, schemaUrl)));
    const broken = (change: (copy: typeof catalogue) => void) => {
      const copy = structuredClone(catalogue);
      change(copy);
      return validate(copy);
    };
    expect(broken((copy) => (copy.competencies[0].colour = 'blue'))).toBe(false);
    expect(broken((copy) => delete copy.initiatives[0].title)).toBe(false);
    expect(broken((copy) => (copy.pages[0].layer = 'marketing'))).toBe(false);
    expect(broken((copy) => (copy.roles[0].salary = 'high'))).toBe(false);
    expect(broken((copy) => delete copy.roles[0].route)).toBe(false);
    expect(broken((copy) => (copy.roles[0].targets['risk-judgement'] = 3))).toBe(false);
    expect(broken((copy) => (copy.relations[0].step = 0))).toBe(false);
  });
});

describe('competencies.csv, initiatives.csv and roles.csv', () => {
  it('round-trip through a CSV parser, commas, quotes and line breaks included', () => {
    const [current] = editions();
    const competencies = parse(competenciesCsv(current!, context), { columns: true }) as Record<string, string>[];
    expect(competencies.map((row) => row.name)).toEqual(['Risk judgement', 'Stakeholder management, "the long game"', 'Strategic foresight', 'Zqxleakinternalcompname stewardship']);
    expect(competencies[2]).toEqual({
      id: 'strategic-foresight',
      name: 'Strategic foresight',
      cluster: 'Strategy',
      summary: 'Reads weak signals early and turns them into options.',
      levels: 'Foundational; Practitioner; Expert',
      priorities: 'growth; 2030',
      related: 'risk-judgement',
      developed_by: 'internal/leadership-lab; internal/zqxleakinternalrotation',
      needed_by: 'divisional-director: Practitioner; programme-lead: Foundational; zqxleakinternalrole: Expert',
      visibility: 'public',
      url: 'https://playbook.example.org/competencies/strategic-foresight/',
    });
    const initiatives = parse(initiativesCsv(current!, context), { columns: true }) as Record<string, string>[];
    expect(initiatives.map((row) => row.title)).toEqual(['Northbridge programme', labTitle, 'Zqxleakinternaltitle rotation']);
    expect(initiatives[0]).toMatchObject({ layer: 'External partnerships', partner: 'Northbridge Business School', partner_contract_end: '2028-03-31', prerequisites: 'internal/leadership-lab', develops: 'risk-judgement; stakeholder-management', develops_levels: 'risk-judgement: Expert', on_route_to: 'divisional-director' });
    const roles = parse(rolesCsv(current!, context), { columns: true }) as Record<string, string>[];
    expect(roles.map((row) => row.name)).toEqual(['Divisional director', leadName, 'Zqxleakinternalrolename director']);
    expect(roles[0]).toEqual({
      id: 'divisional-director',
      name: 'Divisional director',
      summary: 'Runs a division and its P&L.',
      targets: 'risk-judgement: Expert; strategic-foresight: Practitioner',
      grows_from: 'programme-lead',
      route_from: 'programme-lead',
      route: 'internal/leadership-lab; internal/zqxleakinternalrotation; external/northbridge',
      unreachable_targets: '',
      visibility: 'public',
      url: 'https://playbook.example.org/roles/divisional-director/',
    });
    expect(roles[2]).toMatchObject({ route: 'internal/leadership-lab; internal/zqxleakinternalrotation', unreachable_targets: 'strategic-foresight: Expert', visibility: 'internal' });
  });

  it('quote as RFC 4180 says and end every record with CRLF', () => {
    const csv = initiativesCsv(editions()[0]!, context);
    expect(csv).toContain('"Leadership lab, the ""flagship""\nsix months"');
    expect(csv.split('\r\n').at(-1)).toBe('');
    expect(csv.split('\r\n')[0]).toBe('id,title,layer,description,develops,develops_levels,prerequisites,formats,owner,audience,partner,partner_contract_end,partner_evaluation,metrics,on_route_to,tags,review_by,visibility,url');
    const roles = rolesCsv(editions()[0]!, context);
    expect(roles).toContain('"Programme lead, the ""first rung""\nnew in post"');
    expect(roles.split('\r\n').at(-1)).toBe('');
  });

  it('write only the header of roles.csv for an edition without roles', () => {
    expect(rolesCsv(editions()[1]!, context)).toBe('id,name,summary,targets,grows_from,route_from,route,unreachable_targets,visibility,url\r\n');
  });
});

describe('case.json', () => {
  const caseOf = (site: SiteEdition) => casePackage(site, context, caseUrl);

  it('has an item per competency and per cluster, each competency a child of its cluster, each cluster of the document', () => {
    const cfPackage = caseOf(editions()[0]!);
    const items = new Map(cfPackage.CFItems.map((item) => [item.identifier, item]));
    const name = (id: string) => (id === cfPackage.CFDocument.identifier ? 'document' : `${items.get(id)!.CFItemType} ${items.get(id)!.humanCodingScheme}`);
    expect(cfPackage.CFItems.filter((item) => item.CFItemType === 'Competency').map((item) => item.abbreviatedStatement)).toEqual(['Risk judgement', 'Stakeholder management, "the long game"', 'Strategic foresight', 'Zqxleakinternalcompname stewardship']);
    expect(cfPackage.CFAssociations.map((a) => `${name(a.originNodeURI.identifier)} ${a.associationType} ${name(a.destinationNodeURI.identifier)}`)).toEqual([
      'Cluster strategy isChildOf document',
      'Cluster culture isChildOf document',
      'Cluster risk isChildOf document',
      'Cluster people isChildOf document',
      'Competency strategic-foresight isChildOf Cluster strategy',
      'Competency zqxleakinternalcomp isChildOf Cluster culture',
      'Competency risk-judgement isChildOf Cluster risk',
      'Competency stakeholder-management isChildOf Cluster people',
      'Competency risk-judgement isRelatedTo Competency strategic-foresight',
      'Competency risk-judgement isRelatedTo Competency stakeholder-management',
      'Competency strategic-foresight isRelatedTo Competency risk-judgement',
      'Competency zqxleakinternalcomp isRelatedTo Competency strategic-foresight',
    ]);
    expect(cfPackage.CFAssociations.some((a) => (a.associationType as string) === 'precedes')).toBe(false);
    expect(cfPackage.CFDocument).toMatchObject({ version: 'current', adoptionStatus: 'Adopted', caseVersion: '1.1', uri: caseUrl, lastChangeDateTime: '2026-11-25T00:00:00+00:00' });
  });

  it('gives each competency with levels a rubric, one criterion level per level in order', () => {
    const rubrics = caseOf(editions()[0]!).CFRubrics;
    expect(rubrics.map((rubric) => rubric.title)).toEqual(['Risk judgement: levels', 'Strategic foresight: levels', 'Zqxleakinternalcompname stewardship: levels']);
    const foresight = rubrics[1]!.CFRubricCriteria[0]!;
    expect(foresight.CFItemURI.title).toBe('Strategic foresight');
    expect(foresight.CFRubricCriterionLevels.map((level) => `${level.position} ${level.quality}: ${level.description}`)).toEqual([
      '1 Foundational: Scans the market with the team\'s help.',
      '2 Practitioner: Brings the team scenarios rather than forecasts.',
      '3 Expert: Shapes the enterprise\'s view of the future.',
    ]);
  });

  it('uses UUIDs (version 5) that are the same in another load, another audience and another edition', () => {
    const identifiers = (cfPackage: ReturnType<typeof caseOf>) => [cfPackage.CFDocument.identifier, ...cfPackage.CFItems.map((i) => i.identifier), ...cfPackage.CFAssociations.map((a) => a.identifier), ...cfPackage.CFRubrics.flatMap((r) => [r.identifier, ...r.CFRubricCriteria.flatMap((c) => [c.identifier, ...c.CFRubricCriterionLevels.map((l) => l.identifier)])])];
    const [current, older] = editions();
    const all = identifiers(caseOf(current!));
    expect(all.every((id) => isUuid(id) && uuidVersion(id) === 5)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(identifiers(caseOf(editions()[0]!))).toEqual(all);
    const byCode = (site: SiteEdition) => new Map(caseOf(site).CFItems.map((item) => [item.humanCodingScheme, item.identifier]));
    expect(byCode(editions('public')[0]!).get('strategic-foresight')).toBe(byCode(current!).get('strategic-foresight'));
    expect(byCode(older!).get('strategic-foresight')).toBe(byCode(current!).get('strategic-foresight'));
    expect(caseOf(older!).CFDocument.identifier).toBe(caseOf(current!).CFDocument.identifier);
    expect(casePackage(current!, { ...context, siteUrl: 'https://other.example.org/' }, caseUrl).CFDocument.identifier).not.toBe(caseOf(current!).CFDocument.identifier);
  });
});

describe('JSON-LD', () => {
  it('names a competency as a DefinedTerm of the catalogue, an initiative as a Course', () => {
    const [current] = editions();
    expect(competencyJsonLd(current!, current!.competency('risk-judgement')!, context)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'DefinedTerm',
      '@id': 'https://playbook.example.org/competencies/risk-judgement/',
      name: 'Risk judgement',
      description: 'Weighs risk against reward and decides in time.',
      termCode: 'risk-judgement',
      url: 'https://playbook.example.org/competencies/risk-judgement/',
      inDefinedTermSet: { '@type': 'DefinedTermSet', '@id': 'https://playbook.example.org/competencies/', name: 'Fixture playbook: competencies', url: 'https://playbook.example.org/competencies/' },
    });
    const course = initiativeJsonLd(current!, current!.page('external/northbridge')!, context) as { teaches: { name: string }[]; coursePrerequisites: { '@type': string; name: string }[]; provider: unknown };
    expect(course.teaches.map((term) => term.name)).toEqual(['Risk judgement', 'Stakeholder management, "the long game"']);
    expect(course.coursePrerequisites).toEqual([{ '@type': 'Course', '@id': 'https://playbook.example.org/internal/leadership-lab/', name: labTitle, url: 'https://playbook.example.org/internal/leadership-lab/' }]);
    expect(course.provider).toEqual({ '@type': 'Organization', name: 'Northbridge Business School' });
  });

  it('cannot be closed by a title: < > & are escaped, and the text parses back to the same data', () => {
    const data = { name: 'Risk </script><script>alert(1)</script> & <!-- more' };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('the changes feed', () => {
  it('is well-formed Atom with an entry per edition, newest first', () => {
    const all = editions();
    const feed = changesFeed(all.map((site, at) => ({ site, date: site.edition.released ?? '2026-11-25', url: site.root, ...(all[at + 1] ? { previous: { site: all[at + 1]!, changes: editionChanges(site, all[at + 1]!) } } : {}) })), context, 'https://playbook.example.org/changes.xml');
    expect(XMLValidator.validate(feed)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(feed) as { feed: { '@_xmlns': string; updated: string; entry: { id: string; title: string; updated: string; summary: string; content: { '#text': string } }[] } };
    expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.feed.updated).toBe('2026-11-25T00:00:00Z');
    expect(parsed.feed.entry.map((entry) => `${entry.title} ${entry.updated}: ${entry.summary}`)).toEqual([
      'Current edition 2026-11-25T00:00:00Z: Since edition 2025.2: 3 pages added, 1 page retitled, 2 competencies added, 1 competency renamed, 1 page developing other competencies.',
      'Edition 2025.2 2025-09-01T00:00:00Z: The first edition: 2 pages and 2 competencies.',
    ]);
    expect(parsed.feed.entry[0]!.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(parsed.feed.entry[0]!.content['#text']).toContain('Competency renamed: Foresight is now <a href="https://playbook.example.org/competencies/strategic-foresight/">Strategic foresight</a>');
  });
});

describe('the print outline', () => {
  it('lists the home page, then each layer in the sidebar order, every published page once and no draft', () => {
    const [current] = editions();
    const outline = printOutline(current!, context);
    const pages = [outline.home!, ...outline.layers.flatMap((group) => [...(group.intro ? [group.intro] : []), ...group.pages])].map((page) => page.id);
    expect(pages).toEqual(['index', 'internal/leadership-lab', 'internal/zqxleakinternalrotation', 'external/northbridge', 'measurement/readiness']);
    expect([...pages].sort()).toEqual(current!.pages.map((page) => page.id).sort());
    expect(outline.layers.map((group) => group.title)).toEqual(['Internal programmes', 'External partnerships', 'Measurement']);
    expect(outline.clusters.map((group) => `${group.title}: ${group.competencies.map((c) => c.id).join(', ')}`)).toEqual(['Strategy: strategic-foresight', 'Culture: zqxleakinternalcomp', 'Risk: risk-judgement', 'People: stakeholder-management']);
  });

  it('ends with the roles, each once, ladder by ladder from the first rung up, and links to them lead within the document', () => {
    const [current] = editions();
    const outline = printOutline(current!, context);
    expect(outline.roles.map((role) => role.id)).toEqual(['programme-lead', 'divisional-director', 'zqxleakinternalrole']);
    const targets = printTargets(current!, outline);
    expect([targets.get('/roles/'), targets.get('/roles/divisional-director/')]).toEqual([{ anchor: 'roles', prefixesIds: false }, { anchor: 'role-divisional-director', prefixesIds: true }]);
    expect(printOutline(editions()[1]!, context).roles).toEqual([]);
    expect(printTargets(editions()[1]!, printOutline(editions()[1]!, context)).has('/v/2025.2/roles/')).toBe(false);
  });
});

describe('a public view', () => {
  it('exports nothing of an internal or draft page, competency or role, not even an id in a list', () => {
    const [current, older] = editions('public');
    const texts = [
      JSON.stringify(catalogueOf(current!, context, schemaUrl)),
      competenciesCsv(current!, context),
      initiativesCsv(current!, context),
      rolesCsv(current!, context),
      JSON.stringify(casePackage(current!, context, caseUrl)),
      JSON.stringify(current!.competencies.map((c) => competencyJsonLd(current!, c, context))),
      JSON.stringify(current!.pages.map((p) => initiativeJsonLd(current!, p, context))),
      changesFeed([{ site: current!, date: '2026-11-25', url: '/', previous: { site: older!, changes: editionChanges(current!, older!) } }], context, 'https://playbook.example.org/changes.xml'),
      JSON.stringify(printOutline(current!, context), (key, value) => (key === 'source' ? undefined : value)),
    ];
    expect(texts.filter((text) => /zqxleak/i.test(text))).toEqual([]);
    expect(texts[0]).toContain('Northbridge');
    const roles = catalogueOf(current!, context, schemaUrl).roles;
    expect(roles.map((role) => `${role.id}: ${role.route.initiatives.join(', ')}`)).toEqual(['divisional-director: internal/leadership-lab, external/northbridge', 'programme-lead: internal/leadership-lab']);
    expect(roles[0]!.route.unreachable).toEqual([{ competency: 'strategic-foresight', level: 'Practitioner' }]);
  });
});
