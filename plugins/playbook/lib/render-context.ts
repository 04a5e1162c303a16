import type { Page } from './model.ts';
import type { SiteEdition } from './site.ts';

/**
 * What the remark plugins need to know about the file they transform. The renderer puts it
 * on `file.data.trellis` before running them.
 */
export interface RenderContext {
  site: SiteEdition;
  page: Page;
}

declare module 'vfile' {
  interface DataMap {
    trellis: RenderContext;
  }
}
