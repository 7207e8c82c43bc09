/**
 * Showing and serializing stored dates without ever throwing. A date PostgreSQL holds but
 * JavaScript cannot read (a year of 10000, saved before due dates were limited) arrives as an
 * Invalid Date, whose toISOString() throws: one such row used to turn every page of its class
 * into a 500. Every page and API that shows or sends a stored date goes through here.
 */

/** Shown in place of a date that cannot be read. */
export const UNKNOWN_DATE = "date unknown";

/** Whether `date` is a real point in time (not an Invalid Date). */
export function isValidDate(date: Date | null | undefined): date is Date {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

/** ISO 8601 for a valid date; "" for an unreadable one, so a `dateTime` attribute or a sort key still works. */
export function toIsoString(date: Date | null | undefined): string {
  return isValidDate(date) ? date.toISOString() : "";
}

/** A date for people, in British English ("3 March 2026"); {@link UNKNOWN_DATE} when it cannot be read. */
export function formatDate(date: Date | null | undefined, options: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" }): string {
  return isValidDate(date) ? date.toLocaleDateString("en-GB", options) : UNKNOWN_DATE;
}

/** Next week, 5 pm, as a datetime-local value: the usual due date of a new assignment. */
export function aWeekFromToday(now = Date.now()): string {
  const due = new Date(now + 7 * 86_400_000);
  return `${due.toISOString().slice(0, 10)}T17:00`;
}
