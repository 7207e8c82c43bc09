/**
 * Every date the app shows goes through here, in the school's time zone
 * (`SCHOOL_TIME_ZONE`, lib/env.ts; UTC by default), so a due date reads the
 * same on the assignments list, the reader, the review page and the class
 * page, on the server and in every browser, whatever the machine's own zone.
 *
 * Only the calendar fields come from Intl (the zone's rules); month and day
 * names are spelled out here, so the text is identical in Node, in every
 * browser and in tests, whatever locale data the runtime ships with, and
 * server HTML and the hydrating client agree byte for byte.
 *
 * Showing and serializing stored dates never throws either: a date PostgreSQL
 * holds but JavaScript cannot read (a year of 10000, saved before due dates
 * were limited) arrives as an Invalid Date, whose toISOString() throws; one
 * such row used to turn every page of its class into a 500.
 */

/** The zone used when SCHOOL_TIME_ZONE is not set. */
export const DEFAULT_TIME_ZONE = "UTC";

/** Shown in place of a date that cannot be read. */
export const UNKNOWN_DATE = "date unknown";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const DAY_MS = 86_400_000;

/** Whether `date` is a real point in time (not an Invalid Date). */
export function isValidDate(date: Date | null | undefined): date is Date {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

/** ISO 8601 for a valid date; "" for an unreadable one, so a `dateTime` attribute or a sort key still works. */
export function toIsoString(date: Date | null | undefined): string {
  return isValidDate(date) ? date.toISOString() : "";
}

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/London", "America/New_York", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A moment's calendar fields as a clock in `timeZone` shows them. */
export interface ZonedParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 (Sunday) – 6. */
  weekday: number;
}

const fieldFormats = new Map<string, Intl.DateTimeFormat>();

function fieldsIn(timeZone: string): Intl.DateTimeFormat {
  let format = fieldFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
      weekday: "short",
    });
    fieldFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar fields of `date` in `timeZone`. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts = Object.fromEntries(fieldsIn(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday),
  };
}

/**
 * The day `date` falls on in `timeZone`, as a whole-day count: two moments
 * on the same calendar day there give the same number, one day apart differ
 * by one, across daylight-saving changes too.
 */
export function calendarDay(date: Date, timeZone: string): number {
  const { year, month, day } = zonedParts(date, timeZone);
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * How a date is written:
 * - `date`: "15 December 2026"
 * - `due`: "Tue 15 December 2026, 17:00" (due dates, whose hour matters)
 * - `short`: "15 Dec 2026"
 * - `dayMonth`: "15 Dec" (within the current year)
 * - `full`: "15 December 2026, 17:00 (Europe/London)" (tooltips: the exact moment, and in which zone)
 */
export type DateStyle = "date" | "due" | "short" | "dayMonth" | "full";

const pad2 = (n: number) => String(n).padStart(2, "0");

function toDate(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return isValidDate(date) ? date : null;
}

/**
 * The one date formatter: `value` (a Date, an ISO string or a timestamp) in
 * `timeZone`, written in `style`; {@link UNKNOWN_DATE} when it cannot be read.
 */
export function formatDate(value: Date | string | number | null | undefined, timeZone: string, style: DateStyle = "date"): string {
  const date = toDate(value);
  if (!date) return UNKNOWN_DATE;
  const p = zonedParts(date, timeZone);
  const month = MONTHS[p.month - 1];
  const time = `${pad2(p.hour)}:${pad2(p.minute)}`;
  switch (style) {
    case "due":
      return `${WEEKDAYS[p.weekday]} ${p.day} ${month} ${p.year}, ${time}`;
    case "short":
      return `${p.day} ${month.slice(0, 3)} ${p.year}`;
    case "dayMonth":
      return `${p.day} ${month.slice(0, 3)}`;
    case "full":
      return `${p.day} ${month} ${p.year}, ${time} (${timeZone})`;
    default:
      return `${p.day} ${month} ${p.year}`;
  }
}

/**
 * A date with no time and no zone, such as the day a source was retrieved
 * ("2026-11-27" in its front matter): written like the others ("27 November
 * 2026") but never shifted by a zone, since it names a calendar day, not a
 * moment. Text that is not such a date is shown as it was given.
 */
export function formatCalendarDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // 2026-02-31 is not a day: show what was written rather than 3 March.
  if (!isValidDate(date) || toIsoString(date).slice(0, 10) !== value.trim()) return value;
  return formatDate(date, "UTC", "date");
}

/**
 * "2026-12-15T17:00": a moment as a clock in `timeZone` shows it, the way a
 * datetime-local field holds it; "" (an empty field) for a date that cannot
 * be read, as formatDate shows one as "date unknown".
 */
export function toWallTime(date: Date | null | undefined, timeZone: string): string {
  if (!isValidDate(date)) return "";
  const p = zonedParts(date, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * The moment a clock in `timeZone` shows as `wallTime` ("2026-12-15T17:00",
 * a datetime-local value), so a due date typed on the assign form means that
 * hour at the school, whatever zone the teacher's computer is set to. In the
 * hour a clock skips (spring forward) it gives the moment after the gap; in
 * the hour it repeats, the first of the two. Null for text that is no such time.
 */
export function fromWallTime(wallTime: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallTime.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (!isValidDate(new Date(asUtc)) || toIsoString(new Date(asUtc)).slice(0, 16) !== wallTime.trim()) return null;
  // The zone's offset near that time, found from what its clock shows at a guess; twice, for guesses across a change.
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const shown = zonedParts(new Date(guess), timeZone);
    const shownAsUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute);
    guess += asUtc - shownAsUtc;
  }
  return new Date(guess);
}

/** Next week, 5 pm at the school, as a datetime-local value: the usual due date of a new assignment. */
export function aWeekFromToday(timeZone: string, now = Date.now()): string {
  return `${toWallTime(new Date(now + 7 * DAY_MS), timeZone).slice(0, 10)}T17:00`;
}
