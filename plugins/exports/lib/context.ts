/**
 * What every export needs besides the published edition: where the site lives, what to call
 * things, and when they last changed. The integration fills it in from its settings; the
 * exports themselves read nothing from the environment.
 */
import type { Cluster, Competency, Layer, Page } from '../../playbook/index.ts';

export interface ExportContext {
  /** The site's address with its base path and a trailing slash: `https://playbook.example.org/`. */
  siteUrl: string;
  /** The site's title, as the header shows it. */
  title: string;
  /** The day the edition stands for, `YYYY-MM-DD`: its release date, or when it last changed. */
  date: string;
  /** When an entry's file last changed, `YYYY-MM-DD`. Default: the edition's `date`. */
  changed?: (entry: Page | Competency) => string | undefined;
  /** Display names of the clusters and layers, as the site shows them. */
  labels: { clusters: Record<Cluster, string>; layers: Record<Layer, string> };
}

/** An absolute URL for a path of the site (paths from the published view carry the base path). */
export function absoluteUrl(context: Pick<ExportContext, 'siteUrl'>, path: string): string {
  return new URL(path, context.siteUrl).href;
}

/** The day an entry last changed, as an ISO date-time at midnight UTC. */
export function changedAt(context: ExportContext, entry?: Page | Competency): string {
  return `${(entry && context.changed?.(entry)) || context.date}T00:00:00+00:00`;
}
