// If this breaks, diagram labels drawn at build time would overflow their boxes or collide
// in a real browser: the widths Trellis predicts from the self-hosted Inter font no longer
// match what Chromium renders with that font.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureText, useFonts } from '../../plugins/remark-diagrams/index.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { openSite, type SiteUnderTest } from '../helpers/browser.ts';

// Predicted with the font files the built site serves, as the build measures them.
useFonts(['inter-latin-wght-normal.woff2', 'inter-latin-ext-wght-normal.woff2'].map((name) => path.join(projectRoot, 'public/fonts', name)));

const pagesWithDiagrams = ['/', '/internal/leadership-lab/', '/guide/sequencing-the-ecosystem/'];
let site: SiteUnderTest;

beforeAll(async () => {
  site = await openSite(path.join(projectRoot, 'test/browser/fixtures/site/content'));
});

afterAll(async () => {
  await site?.close();
});

interface RenderedLabel {
  text: string;
  width: number;
  fontSize: number;
  fontWeight: number;
  fontFamily: string;
}

describe('diagram labels in Chromium', () => {
  for (const url of pagesWithDiagrams) {
    it(`on ${url} are as wide as predicted, never wider`, async () => {
      // Wide enough that each figure shows its first, widest drawing.
      const page = await site.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${site.origin}${url}`);
      const interLoaded = await page.evaluate(async () => {
        await document.fonts.load('14px Inter');
        await document.fonts.load('600 14px Inter');
        await document.fonts.ready;
        return document.fonts.check('14px Inter');
      });
      expect(interLoaded, 'the self-hosted Inter font loads').toBe(true);
      const labels: RenderedLabel[] = await page.evaluate(() =>
        [...document.querySelectorAll<SVGTextContentElement>('svg.diagram-svg text, svg.diagram-svg tspan')]
          .filter((element) => element.tagName === 'tspan' || element.querySelector('tspan') === null)
          // A variant the page does not show (the tall drawing of a pathway, say) has no width to measure.
          .filter((element) => element.getClientRects().length > 0)
          .map((element) => {
            const style = getComputedStyle(element);
            return { text: element.textContent ?? '', width: element.getComputedTextLength(), fontSize: parseFloat(style.fontSize), fontWeight: Number(style.fontWeight), fontFamily: style.fontFamily };
          })
          .filter((label) => label.text.trim() !== ''),
      );
      await page.close();
      expect(labels.length, 'the page draws labelled diagrams').toBeGreaterThan(3);
      for (const label of labels) {
        expect(label.fontFamily).toMatch(/^Inter/);
        expect(label.fontSize).toBeGreaterThanOrEqual(12);
        const predicted = measureText(label.text, label.fontSize, label.fontWeight);
        expect(label.width, `"${label.text}" at ${label.fontSize}px/${label.fontWeight}`).toBeLessThanOrEqual(predicted * 1.005 + 0.5);
        expect(label.width, `"${label.text}" at ${label.fontSize}px/${label.fontWeight}`).toBeGreaterThanOrEqual(predicted * 0.95);
      }
    });
  }
});
