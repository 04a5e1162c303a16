/**
 * The practical fields of an initiative (format version 2: `duration`, `commitment`, `intakes`,
 * `capacity`, `eligibility`, `contact`), read from the page only when they are there and of the
 * expected kind, so that the facts panel shows them for playbooks that have them and nothing
 * for those that do not.
 */
import type { Page } from '../../plugins/playbook/index.ts';

export interface Practical {
  duration?: string;
  commitment?: string;
  /** The first intake on or after today. */
  nextIntake?: string;
  capacity?: number;
  eligibility?: string;
  contact?: string;
}

export function practicalFields(page: Page, today: string): Practical {
  const fields = page as unknown as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' && fields[key] !== '' ? (fields[key] as string) : undefined);
  const intakes = Array.isArray(fields.intakes) ? fields.intakes.map((date) => (date instanceof Date ? date.toISOString().slice(0, 10) : String(date))) : [];
  return {
    duration: text('duration'),
    commitment: text('commitment'),
    nextIntake: intakes.filter((date) => date >= today).sort()[0],
    capacity: typeof fields.capacity === 'number' ? fields.capacity : undefined,
    eligibility: text('eligibility'),
    contact: text('contact'),
  };
}
