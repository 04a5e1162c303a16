/**
 * The time a route takes and when its steps next start, read from the free text of `duration`
 * and the dates of `intakes`. No import, so that the plan builder runs it in the browser too.
 */

const daysPer: Record<string, number> = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 };
const numberWords: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, 'twenty-four': 24, 'thirty-six': 36,
};
const durationPattern = new RegExp(`\\b(\\d+(?:\\.\\d+)?|${Object.keys(numberWords).join('|')})[ -](day|week|month|year)s?\\b`, 'i');

/**
 * The days that `duration` text such as `18 months`, `six weeks` or `a year` names: its first
 * number and unit. Null when it names none (`ongoing`, `three cohorts`).
 */
export function durationDays(text: string | undefined): number | null {
  const match = text ? durationPattern.exec(text) : null;
  if (!match) return null;
  const amount = numberWords[match[1]!.toLowerCase()] ?? Number(match[1]);
  return Math.round(amount * daysPer[match[2]!.toLowerCase()]!);
}

/** The sum of the durations that could be read, and how many could not. */
export function totalDuration(durations: readonly (string | undefined)[]): { days: number; unknown: number } {
  let days = 0;
  let unknown = 0;
  for (const text of durations) {
    const value = durationDays(text);
    if (value === null) unknown++;
    else days += value;
  }
  return { days, unknown };
}

/** "3 weeks", "about 7 months", "about 2 years 5 months": what a reader plans with. */
export function describeDays(days: number): string {
  if (days < 8 * 7) {
    const weeks = Math.max(1, Math.ceil(days / 7));
    return days < 7 ? `${Math.max(1, days)} ${days === 1 ? 'day' : 'days'}` : `${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
  }
  const months = Math.round(days / daysPer.month!);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const monthWords = `${rest} ${rest === 1 ? 'month' : 'months'}`;
  if (!years) return `about ${monthWords}`;
  return `about ${years} ${years === 1 ? 'year' : 'years'}${rest ? ` ${monthWords}` : ''}`;
}

/** The first intake on or after `today` (both `YYYY-MM-DD`), or undefined when all have passed. */
export function nextIntake(intakes: readonly string[], today: string): string | undefined {
  return [...intakes].sort().find((date) => date >= today);
}
