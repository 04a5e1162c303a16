/**
 * For content that Astro compiles itself (MDX with components), finds the page a file
 * belongs to and sets the context the other remark plugins read. Files outside the
 * playbook, and files the renderer already gave a context, are left alone.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { getTrellisState } from './state.ts';

export function remarkTrellisContext() {
  return function setTrellisContext(_tree: Root, file: VFile): void {
    if (file.data.trellis || !file.path) return;
    const { settings, editions } = getTrellisState();
    const relative = path.relative(settings.contentDir, file.path).split(path.sep).join('/');
    for (const site of editions) {
      const entry = site.pages.find((candidate) => candidate.source.path === relative);
      if (entry) {
        file.data.trellis = { site, entry };
        return;
      }
    }
  };
}
