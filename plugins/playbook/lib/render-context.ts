import type { Competency, Page, Role } from './model.ts';
import type { SiteEdition } from './site.ts';

/**
 * What the remark plugins need to know about the file they transform: the published edition
 * it belongs to and the page or competency it is. The renderer (or, for pages Astro compiles
 * itself, the integration's context plugin) puts it on `file.data.trellis` before they run.
 */
export interface RenderContext {
  site: SiteEdition;
  entry: Page | Competency | Role;
}

declare module 'vfile' {
  interface DataMap {
    trellis: RenderContext;
  }
}
