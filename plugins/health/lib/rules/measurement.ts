/**
 * Measurement "beyond attendance": initiatives with no `metrics`, measurement pages nothing
 * refers to, and whole layers that are never measured. A layer none of whose initiatives is
 * measured is one finding naming them all, not one per initiative.
 */
import { canonicalPageId, initiativeLayers, type Page } from '../../../playbook/index.ts';
import type { Ecosystem } from '../ecosystem.ts';
import { at } from '../findings.ts';
import { codeList, count, type HealthRule } from '../rule.ts';

const measured = (page: Page) => page.metrics.length > 0;

/** Layers with initiatives, none of which is measured. */
function unmeasuredLayers(ecosystem: Ecosystem) {
  return initiativeLayers
    .map((layer) => ({ layer, pages: ecosystem.site.pagesInLayer(layer) }))
    .filter(({ pages }) => pages.length > 0 && !pages.some(measured));
}

export const unmeasuredInitiative: HealthRule = {
  id: 'unmeasured-initiative',
  area: 'measurement',
  severity: 'warning',
  check: (ecosystem) => {
    const silentLayers = new Set(unmeasuredLayers(ecosystem).map(({ layer }) => layer));
    const example = ecosystem.site.pagesInLayer('measurement')[0];
    const what = example ? `List the measurement pages that show its effect, such as \`metrics: [${example.id}]\`` : 'Add a page of layer measurement and list it in `metrics`';
    return ecosystem.initiatives
      .filter((page) => !measured(page) && !silentLayers.has(page.layer))
      .map((page) => ({ ...at(page, ['metrics']), message: `Initiative \`${page.id}\` has no \`metrics\`; attendance alone does not show whether it works. ${what}.` }));
  },
};

export const unusedMeasure: HealthRule = {
  id: 'unused-measure',
  area: 'measurement',
  severity: 'info',
  check: (ecosystem) => {
    const used = new Set(ecosystem.initiatives.flatMap((page) => page.metrics.map(canonicalPageId)));
    return ecosystem.site
      .pagesInLayer('measurement')
      .filter((page) => !used.has(page.id))
      .map((page) => ({ ...at(page, ['title']), message: `Measurement page \`${page.id}\` is in the \`metrics\` of no initiative, so nothing is measured by it; list it in the \`metrics\` of the initiatives it measures, or retire it.` }));
  },
};

export const unmeasuredLayer: HealthRule = {
  id: 'unmeasured-layer',
  area: 'measurement',
  severity: 'warning',
  check: (ecosystem) =>
    unmeasuredLayers(ecosystem).map(({ layer, pages }) => ({
      message: `${pages.length === 1 ? `The one ${layer} initiative, \`${pages[0]!.id}\`, has no` : `None of the ${count(pages.length, `${layer} initiative`)} (${codeList(pages.map((page) => page.id))}) has`} \`metrics\`; the ${layer} layer is never measured. Add measurement pages to ${pages.length === 1 ? 'its' : 'their'} \`metrics\`.`,
    })),
};
