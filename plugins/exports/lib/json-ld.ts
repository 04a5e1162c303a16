/**
 * schema.org structured data for the pages, so that search engines and learning catalogues
 * read a competency as a `DefinedTerm` of the playbook's `DefinedTermSet` and an initiative as
 * a `Course` that `teaches` competencies and has `coursePrerequisites`. Written into a
 * `<script type="application/ld+json">` block: a data block, never run, so the
 * Content-Security-Policy's `script-src 'self'` has nothing to refuse.
 */
import { type Competency, type Page, type SiteEdition } from '../../playbook/index.ts';
import { absoluteUrl, type ExportContext } from './context.ts';
import { publishedLinks } from './links.ts';

type JsonLd = Record<string, unknown>;

const schemaOrg = 'https://schema.org';

export function competencySetJsonLd(site: SiteEdition, context: ExportContext): JsonLd {
  return { '@context': schemaOrg, ...termSet(site, context), hasDefinedTerm: site.competencies.map((competency) => term(site, competency, context, false)) };
}

export function competencyJsonLd(site: SiteEdition, competency: Competency, context: ExportContext): JsonLd {
  return { '@context': schemaOrg, ...term(site, competency, context, true) };
}

export function initiativeJsonLd(site: SiteEdition, page: Page, context: ExportContext): JsonLd {
  const links = publishedLinks(site, page);
  return {
    '@context': schemaOrg,
    ...course(site, page, context),
    description: page.description,
    ...(links.develops.length ? { teaches: links.develops.map((id) => term(site, site.competency(id)!, context, true)) } : {}),
    ...(links.prerequisites.length ? { coursePrerequisites: links.prerequisites.map((id) => course(site, site.page(id)!, context)) } : {}),
    ...(page.partner ? { provider: { '@type': 'Organization', name: page.partner.name } } : {}),
  };
}

/**
 * The JSON for inside the script element. `<` is written `\u003c` (and `>`, `&` alike), so
 * no title can close the element or open a comment, and the JSON still parses the same.
 */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function termSet(site: SiteEdition, context: ExportContext): JsonLd {
  const url = absoluteUrl(context, site.competenciesUrl);
  return { '@type': 'DefinedTermSet', '@id': url, name: `${context.title}: competencies`, url };
}

function term(site: SiteEdition, competency: Competency, context: ExportContext, withSet: boolean): JsonLd {
  const url = absoluteUrl(context, site.competencyUrl(competency.id));
  return {
    '@type': 'DefinedTerm',
    '@id': url,
    name: competency.name,
    description: competency.summary,
    termCode: competency.id,
    url,
    ...(withSet ? { inDefinedTermSet: termSet(site, context) } : {}),
  };
}

function course(site: SiteEdition, page: Page, context: ExportContext): JsonLd {
  const url = absoluteUrl(context, site.pageUrl(page.id));
  return { '@type': 'Course', '@id': url, name: page.title, url };
}
