/**
 * What each area of the report looks at, and what it means that it found nothing: the page
 * reads as well for a healthy ecosystem as for one with findings.
 */
import type { HealthArea } from './findings.ts';
import type { HealthThresholds } from './options.ts';

export interface AreaNote {
  /** One sentence: what the rules of the area look for. */
  about: string;
  /** One sentence for an area without findings. */
  clear: string;
}

export function areaNote(area: HealthArea, thresholds: HealthThresholds): AreaNote {
  const notes: Record<HealthArea, AreaNote> = {
    coverage: {
      about: 'Competencies that one event could leave undeveloped: those developed by a single initiative, in a single layer, only through partners, or only through contracts about to end.',
      clear: 'Every competency that initiatives develop is developed by at least two of them, in more than one layer, and not only through partner contracts that are about to end.',
    },
    partners: {
      about: `Contracts ending within the ${thresholds.noticeDays}-day notice period, partners holding more than ${thresholds.partnerShare}% of the external layer, and partnerships older than ${thresholds.rotationYears} years.`,
      clear: `No contract ends within the notice period, no partner holds more than ${thresholds.partnerShare}% of the external initiatives or of the competencies developed externally, and no partnership is older than ${thresholds.rotationYears} years.`,
    },
    reviews: {
      about: `Pages past their \`review_by\` date, and pages due for review within ${thresholds.reviewWindowDays} days, by owner.`,
      clear: `No page is past its review date, and none is due for review in the next ${thresholds.reviewWindowDays} days.`,
    },
    measurement: {
      about: 'Measurement beyond attendance: initiatives with no `metrics`, measurement pages no initiative uses, and layers that are never measured.',
      clear: 'Every initiative lists its `metrics`, and every measurement page is used by an initiative.',
    },
    sequencing: {
      about: 'External and coaching initiatives that leaders can reach without any internal initiative before them.',
      clear: 'Every external and coaching initiative has an internal initiative among its prerequisites.',
    },
    equity: {
      about: 'Initiatives that say nothing about who may join them.',
      clear: 'Every initiative says who may join it.',
    },
  };
  return notes[area];
}
