/**
 * The files of a playbook folder that are not pages: images, PDFs, templates. The checker asks
 * whether one exists and whether an image can be shown; the renderer asks an image's size, so
 * that every `<img>` carries its width and height. Both go through this file, which reaches a
 * file one path segment at a time without following a symbolic link, and never leaves the
 * content folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';

/** What browsers show in an `<img>`, by the type image-size reports. */
const shownTypes = new Set(['png', 'jpg', 'gif', 'webp', 'svg', 'heif', 'ico', 'bmp']);
/** EXIF orientations 5–8 turn the picture a quarter: browsers show it with width and height swapped. */
const quarterTurn = 5;

export interface ImageSize {
  width: number;
  height: number;
  /** `png`, `jpg`, `gif`, `webp`, `svg`, `heif` (AVIF), `ico`, `bmp`. */
  type: string;
}

/** What is at `contentPath` (relative to the content folder), reached without following any symbolic link. */
export function fileKindInside(contentDir: string, contentPath: string): 'file' | 'folder' | null {
  if (contentPath.split('/').some((segment) => segment === '..' || segment === '')) return null;
  let current = contentDir;
  let stats: fs.Stats | undefined;
  for (const segment of contentPath.split('/')) {
    current = path.join(current, segment);
    stats = fs.lstatSync(current, { throwIfNoEntry: false });
    if (!stats || stats.isSymbolicLink()) return null;
  }
  return stats?.isFile() ? 'file' : stats?.isDirectory() ? 'folder' : null;
}

/**
 * The size a browser shows an image file at, or null when it is no picture a browser shows
 * (or an SVG that says neither its size nor its `viewBox`).
 */
export function readImageSize(contentDir: string, contentPath: string): ImageSize | null {
  if (fileKindInside(contentDir, contentPath) !== 'file') return null;
  try {
    const size = imageSize(fs.readFileSync(path.join(contentDir, contentPath)));
    if (!size.type || !shownTypes.has(size.type) || !(size.width > 0) || !(size.height > 0)) return null;
    const turned = (size.orientation ?? 1) >= quarterTurn;
    return { width: turned ? size.height : size.width, height: turned ? size.width : size.height, type: size.type };
  } catch {
    return null;
  }
}
