/**
 * The part of fontkit 2.0.4 (which ships no types) that text measurement uses. Three members
 * are internal: public `getVariation()` and glyph objects fail on variable WOFF2 files, and the
 * cmap, `hmtx` and variation processor are all that advance widths at any weight need.
 */
declare module 'fontkit' {
  interface VariationProcessor {
    getAdvanceAdjustment(glyphId: number, table: unknown): number;
  }

  interface Font {
    unitsPerEm: number;
    variationCoords: number[] | null;
    HVAR?: unknown;
    'OS/2': { capHeight: number };
    /** Horizontal metrics at the default instance (weight 400 for Inter), in font units. */
    hmtx: { metrics: { length: number; get(glyphId: number): { advance: number } } };
    /** Glyph id of a code point; 0 when the font has none. */
    readonly _cmapProcessor: { lookup(codePoint: number): number };
    readonly _variationProcessor: VariationProcessor | null;
  }

  export function create(buffer: Uint8Array): Font;
}
