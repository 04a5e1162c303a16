/**
 * Measures label text with the font the site serves (the integration passes its files as the
 * `fonts` option), so that diagrams are laid out at build time, without a browser, with boxes
 * that fit their labels.
 */
import fs from 'node:fs';
import { create, type Font, type VariationProcessor } from 'fontkit';

/** The font files labels are measured with, in fallback order; set by `useFonts`. */
let fontFiles: readonly string[] = [];

/**
 * Width, in em, of a character neither file has. The browser then draws it with a system font;
 * a full em is as wide as CJK ideographs and wider than other scripts, so boxes still fit.
 */
const fallbackAdvance = 1;

interface Face {
  font: Font;
  /** Processor for a weight; null when the file is not a variable font. */
  processorFor(weight: number): VariationProcessor | null;
}

/** Opened on first need: most labels never leave the latin file. */
const faces: (Face | undefined)[] = [];
/** Advance widths in em, by weight, then by character: every label reuses them. */
const advances = new Map<number, Map<string, number>>();

/**
 * Measures with these font files from now on (absolute paths, in fallback order: a character
 * comes from the first file that has it). The same list again keeps every cached width.
 */
export function useFonts(files: readonly string[]): void {
  if (files.length === fontFiles.length && files.every((file, i) => file === fontFiles[i])) return;
  fontFiles = [...files];
  faces.length = 0;
  advances.clear();
}

/**
 * Width in px of `text` on one line, as a browser draws it in Inter at `fontSizePx` and
 * `weight` (100 to 900). Within 0.3 % of Chromium for ordinary labels; kerning is left out,
 * so pairs it tightens (`AV`, `To`) come out a few percent wide, never narrow.
 */
export function measureText(text: string, fontSizePx: number, weight = 400): number {
  let cache = advances.get(weight);
  if (!cache) advances.set(weight, (cache = new Map()));
  let em = 0;
  for (const char of text) {
    let advance = cache.get(char);
    if (advance === undefined) cache.set(char, (advance = advanceOf(char.codePointAt(0)!, weight)));
    em += advance;
  }
  return em * fontSizePx;
}

/**
 * Breaks `text` at spaces into lines no wider than `maxWidth` px. A single word wider than
 * that keeps a line of its own (the box grows rather than the word being cut).
 */
export function wrapText(text: string, maxWidth: number, fontSizePx: number, weight = 400): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || measureText(candidate, fontSizePx, weight) <= maxWidth) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** Height of capital letters in em, to centre a line of text optically in its box. */
export function capHeight(): number {
  const { font } = face(0);
  return font['OS/2'].capHeight / font.unitsPerEm;
}

function advanceOf(codePoint: number, weight: number): number {
  requireFonts();
  for (let index = 0; index < fontFiles.length; index++) {
    const { font, processorFor } = face(index);
    const glyphId = font._cmapProcessor.lookup(codePoint);
    if (!glyphId) continue;
    const { metrics } = font.hmtx;
    const advance = metrics.get(Math.min(glyphId, metrics.length - 1)).advance;
    const processor = processorFor(weight);
    const adjustment = processor && font.HVAR ? processor.getAdvanceAdjustment(glyphId, font.HVAR) : 0;
    return (advance + adjustment) / font.unitsPerEm;
  }
  return fallbackAdvance;
}

function face(index: number): Face {
  requireFonts();
  return (faces[index] ??= openFace(fontFiles[index]!));
}

function requireFonts(): void {
  if (fontFiles.length === 0) throw new Error('Diagram labels cannot be measured: no font was given; pass the files of the font the site serves as `remarkDiagrams({ fonts })`.');
}

function openFace(file: string): Face {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch {
    throw new Error(`Cannot read the diagram font \`${file}\`; diagrams measure their labels with the font the site serves, so restore it from \`@fontsource-variable/inter\`.`);
  }
  const font = create(buffer);
  // Setting coordinates is the only way to reach the processor's class; glyph objects would
  // then fail to decode, which is why widths come from the cmap and `hmtx` tables directly.
  font.variationCoords = [400];
  const Processor = font._variationProcessor?.constructor as (new (font: Font, coords: number[]) => VariationProcessor) | undefined;
  const processors = new Map<number, VariationProcessor | null>();
  return {
    font,
    processorFor(weight) {
      if (!processors.has(weight)) processors.set(weight, Processor ? new Processor(font, [weight]) : null);
      return processors.get(weight)!;
    },
  };
}
