/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that no time zone moves a day. */

const day = 24 * 60 * 60 * 1000;

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * day);
}

/** 29 February plus a year is 1 March, as a contract lawyer would count it. */
export function addYears(date: string, years: number): string {
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  return iso(Date.UTC(year + years, month - 1, dayOfMonth));
}

/** Days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / day);
}

/** Whole years from `from` to `to`. */
export function yearsBetween(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (addYears(from, years) > to) years--;
  return years;
}

/** A fraction of the year, for placing a date on a time axis. */
export function yearFraction(date: string): number {
  const year = Number(date.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  return year + (utc(date) - start) / (Date.UTC(year + 1, 0, 1) - start);
}
