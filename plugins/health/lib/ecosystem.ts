/**
 * The facts every health rule and chart reads, computed once from the published view of an
 * edition: the initiatives, who develops each competency, and the external partners with
 * their contracts. A rule never rescans the pages itself.
 */
import { clusters, type Competency, initiativeLayers, type Layer, normaliseLabel, type Page, type SiteEdition } from '../../playbook/index.ts';
import { addDays } from './dates.ts';
import type { HealthThresholds } from './options.ts';

export interface Contract {
  page: Page;
  since?: string;
  end?: string;
  /** The contract ends on or before the end of the notice period (or has ended). */
  endsInNotice: boolean;
}

export interface Partner {
  /** As first written (by page id order); pages that spell it differently in case or spacing count as one partner. */
  name: string;
  /** The external initiatives run with this partner. */
  initiatives: Page[];
  /** Ids of the published competencies those initiatives develop. */
  competencies: string[];
  contracts: Contract[];
}

export interface Ecosystem {
  site: SiteEdition;
  /** `YYYY-MM-DD`: every date is judged against it. */
  today: string;
  thresholds: HealthThresholds;
  /** `today` plus the notice period. */
  noticeEnd: string;
  /** Published pages of layer internal, external and coaching (layer introductions excepted). */
  initiatives: Page[];
  /** The initiatives that develop each published competency; empty for an uncovered one. */
  developers: Map<string, Page[]>;
  /** Competencies in catalogue order: by cluster, then by name. */
  competencies: Competency[];
  partners: Partner[];
  /** Published competencies that at least one external initiative develops. */
  externalCompetencies: string[];
}

export function readEcosystem(site: SiteEdition, today: string, thresholds: HealthThresholds): Ecosystem {
  const initiatives = initiativeLayers.flatMap((layer) => site.pagesInLayer(layer));
  const developers = new Map<string, Page[]>(site.competencies.map((competency) => [competency.id, []]));
  for (const page of initiatives) for (const id of new Set(page.develops)) developers.get(id)?.push(page);
  const noticeEnd = addDays(today, thresholds.noticeDays);
  const partners = readPartners(site.pagesInLayer('external'), developers, noticeEnd);
  const externalCompetencies = [...developers].filter(([, pages]) => pages.some((page) => page.layer === 'external')).map(([id]) => id);
  const competencies = [...site.competencies].sort((a, b) => clusters.indexOf(a.cluster) - clusters.indexOf(b.cluster) || a.name.localeCompare(b.name, 'en'));
  return { site, today, thresholds, noticeEnd, initiatives, developers, competencies, partners, externalCompetencies };
}

function readPartners(external: Page[], developers: Map<string, Page[]>, noticeEnd: string): Partner[] {
  const byName = new Map<string, Partner>();
  for (const page of [...external].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (!page.partner) continue;
    const name = normaliseLabel(page.partner.name);
    const key = name.toLowerCase();
    const partner = byName.get(key) ?? { name, initiatives: [], competencies: [], contracts: [] };
    byName.set(key, partner);
    partner.initiatives.push(page);
    const { since, contract_end: end } = page.partner;
    partner.contracts.push({ page, since, end, endsInNotice: end !== undefined && end <= noticeEnd });
    for (const id of new Set(page.develops)) if (developers.has(id) && !partner.competencies.includes(id)) partner.competencies.push(id);
  }
  return [...byName.values()].sort((a, b) => b.initiatives.length - a.initiatives.length || a.name.localeCompare(b.name, 'en'));
}

export interface Share {
  part: number;
  whole: number;
  /** More than the `partnerShare` limit. */
  over: boolean;
}

/** A partner's share of the external initiatives, and of the competencies developed externally. */
export function sharesOf(ecosystem: Ecosystem, partner: Partner): { initiatives: Share; competencies: Share } {
  const share = (part: number, whole: number): Share => ({ part, whole, over: part * 100 > ecosystem.thresholds.partnerShare * whole });
  const initiatives = ecosystem.partners.reduce((sum, each) => sum + each.initiatives.length, 0);
  return { initiatives: share(partner.initiatives.length, initiatives), competencies: share(partner.competencies.length, ecosystem.externalCompetencies.length) };
}

/** How many initiatives of each layer develop a competency: the heat grid's cells. */
export function layerCounts(ecosystem: Ecosystem, competencyId: string): Record<Layer, number> {
  const counts = Object.fromEntries(initiativeLayers.map((layer) => [layer, 0])) as Record<Layer, number>;
  for (const page of ecosystem.developers.get(competencyId) ?? []) counts[page.layer]++;
  return counts;
}
