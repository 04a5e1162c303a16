/**
 * `/changes.xml`: an Atom feed (RFC 4287) with one entry per edition, saying what changed in
 * it against the next older one, so that leaders and systems can follow the playbook. The
 * changes are given as data (`plugins/editions` computes them), so this stage needs no other.
 */
import type { Competency, Page, SiteEdition } from '../../playbook/index.ts';
import { absoluteUrl, type ExportContext } from './context.ts';
import { stableIds } from './ids.ts';

/** What changed in an edition: the shape of `editionChanges` in `plugins/editions`. */
export interface EditionChangeList {
  pagesAdded: Page[];
  pagesRemoved: Page[];
  pagesRetitled: { now: Page; before: Page }[];
  competenciesAdded: Competency[];
  competenciesRemoved: Competency[];
  competenciesRenamed: { now: Competency; before: Competency }[];
  developsChanged: { now: Page; added: Competency[]; removed: Competency[] }[];
}

export interface FeedEdition {
  site: SiteEdition;
  /** The edition compared with, and what changed since; absent for the oldest edition. */
  previous?: { site: SiteEdition; changes: EditionChangeList };
  /** The day the edition stands for, `YYYY-MM-DD`. */
  date: string;
  /** Where a reader sees the changes: the edition's "What changed" page, else its home. */
  url: string;
}

/** The feed, newest edition first; `feedUrl` is its own absolute URL. */
export function changesFeed(editions: readonly FeedEdition[], context: Pick<ExportContext, 'siteUrl' | 'title'>, feedUrl: string): string {
  const id = stableIds(context.siteUrl);
  const updated = editions.map((edition) => edition.date).sort().at(-1) ?? '1970-01-01';
  const entries = editions.map((edition) => [
    '  <entry>',
    `    <id>urn:uuid:${id('edition', edition.site.label)}</id>`,
    `    <title>${escapeXml(editionName(edition.site))}</title>`,
    `    <updated>${edition.date}T00:00:00Z</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(context, edition.url))}"/>`,
    `    <summary>${escapeXml(summaryOf(edition))}</summary>`,
    `    <content type="html">${escapeXml(contentOf(edition, context))}</content>`,
    '  </entry>',
  ].join('\n'));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:uuid:${id('changes-feed')}</id>`,
    `  <title>${escapeXml(`${context.title}: what changed`)}</title>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(context.siteUrl)}"/>`,
    `  <author><name>${escapeXml(context.title)}</name></author>`,
    '  <generator>Trellis</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

function editionName(site: SiteEdition): string {
  return site.isCurrent ? 'Current edition' : `Edition ${site.label}`;
}

function summaryOf(edition: FeedEdition): string {
  if (!edition.previous) return `The first edition: ${count(edition.site.pages.length, 'page')} and ${count(edition.site.competencies.length, 'competency', 'competencies')}.`;
  const { changes, site } = edition.previous;
  const parts = [
    changes.pagesAdded.length && `${count(changes.pagesAdded.length, 'page')} added`,
    changes.pagesRemoved.length && `${count(changes.pagesRemoved.length, 'page')} removed`,
    changes.pagesRetitled.length && `${count(changes.pagesRetitled.length, 'page')} retitled`,
    changes.competenciesAdded.length && `${count(changes.competenciesAdded.length, 'competency', 'competencies')} added`,
    changes.competenciesRemoved.length && `${count(changes.competenciesRemoved.length, 'competency', 'competencies')} removed`,
    changes.competenciesRenamed.length && `${count(changes.competenciesRenamed.length, 'competency', 'competencies')} renamed`,
    changes.developsChanged.length && `${count(changes.developsChanged.length, 'page')} developing other competencies`,
  ].filter((part) => typeof part === 'string');
  return `Since edition ${site.label}: ${parts.length ? parts.join(', ') : 'no page or competency changed'}.`;
}

/** The changes as an HTML list, each entry linked in the edition where it exists. */
function contentOf(edition: FeedEdition, context: Pick<ExportContext, 'siteUrl'>): string {
  if (!edition.previous) return `<p>${escapeXml(summaryOf(edition))}</p>`;
  const { site } = edition;
  const { changes, site: before } = edition.previous;
  const page = (where: SiteEdition, p: Page) => `<a href="${escapeXml(absoluteUrl(context, where.pageUrl(p.id)))}">${escapeXml(p.title)}</a>`;
  const competency = (where: SiteEdition, c: Competency) => `<a href="${escapeXml(absoluteUrl(context, where.competencyUrl(c.id)))}">${escapeXml(c.name)}</a>`;
  const items = [
    ...changes.pagesAdded.map((p) => `Page added: ${page(site, p)}`),
    ...changes.pagesRemoved.map((p) => `Page removed: ${page(before, p)}`),
    ...changes.pagesRetitled.map(({ now, before: old }) => `Page retitled: ${escapeXml(old.title)} is now ${page(site, now)}`),
    ...changes.competenciesAdded.map((c) => `Competency added: ${competency(site, c)}`),
    ...changes.competenciesRemoved.map((c) => `Competency removed: ${competency(before, c)}`),
    ...changes.competenciesRenamed.map(({ now, before: old }) => `Competency renamed: ${escapeXml(old.name)} is now ${competency(site, now)}`),
    ...changes.developsChanged.map((change) => `${page(site, change.now)} ${developsWords(change)}`),
  ];
  return `<p>${escapeXml(summaryOf(edition))}</p>${items.length ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : ''}`;
}

function developsWords(change: EditionChangeList['developsChanged'][number]): string {
  const names = (list: Competency[]) => list.map((c) => escapeXml(c.name)).join(', ');
  return [change.added.length && `now develops ${names(change.added)}`, change.removed.length && `no longer develops ${names(change.removed)}`].filter((part) => typeof part === 'string').join('; ');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
