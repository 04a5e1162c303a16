/**
 * What an entry refers to, as published: ids of drafts (and, in a public build, of internal
 * entries) are left out, so that no export names something the build does not publish.
 * Page ids are given in their canonical spelling (`internal`, not `internal/index`).
 */
import type { Competency, Page, SiteEdition } from '../../playbook/index.ts';

export interface PublishedLinks {
  develops: string[];
  prerequisites: string[];
  metrics: string[];
  related: string[];
}

export function publishedLinks(site: SiteEdition, entry: Page | Competency): PublishedLinks {
  const pages = (ids: string[]) => unique(ids.map((id) => site.page(id)?.id));
  const competencies = (ids: string[]) => unique(ids.map((id) => site.competency(id)?.id));
  if (entry.kind === 'competency') return { develops: [], prerequisites: [], metrics: [], related: competencies(entry.related) };
  return { develops: competencies(entry.develops), prerequisites: pages(entry.prerequisites), metrics: pages(entry.metrics), related: [] };
}

function unique(ids: (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id) => id !== undefined))];
}
