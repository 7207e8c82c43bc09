import { calendarDay, formatDate, zonedParts } from "./dates";

/**
 * Times of posts, replies, decisions and activity, relative to now ("5 min
 * ago", "yesterday"), with calendar days counted in the school's time zone.
 * The dates themselves are written by lib/format/dates.ts, the one formatter.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Shown for a timestamp that cannot be parsed, instead of "Invalid Date". */
export const UNKNOWN_TIME = "unknown time";

/** Parses an ISO timestamp; null when it is not a real date. */
export function parseIsoDate(iso: string): Date | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * "Just now", "5 min ago", "3 h ago", "yesterday", then "12 Nov" (same year
 * as `now`) or "12 Nov 2025". Calendar days are those of `timeZone`.
 * Slightly future times (a Chromebook clock a little fast) read "just now";
 * more than a day ahead shows the date, since "in 3 days" would be a lie.
 */
export function formatRelativeTime(iso: string, now: Date, timeZone: string): string {
  const date = parseIsoDate(iso);
  if (!date || Number.isNaN(now.getTime())) return UNKNOWN_TIME;

  const diff = now.getTime() - date.getTime();
  if (diff < -DAY) return formatShortDate(date, now, timeZone);
  if (diff < MINUTE) return "just now";
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)} min ago`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} h ago`;
  if (calendarDay(now, timeZone) - calendarDay(date, timeZone) === 1) return "yesterday";
  return formatShortDate(date, now, timeZone);
}

/** "12 Nov" when `date` is in the same year as `now` (in `timeZone`), else "12 Nov 2025". */
export function formatShortDate(date: Date, now: Date, timeZone: string): string {
  const sameYear = zonedParts(date, timeZone).year === zonedParts(now, timeZone).year;
  return formatDate(date, timeZone, sameYear ? "dayMonth" : "short");
}

/** The full date and time for a tooltip: "12 November 2025, 14:05 (Europe/London)". */
export function formatFullDate(iso: string, timeZone: string): string {
  const date = parseIsoDate(iso);
  return date ? formatDate(date, timeZone, "full") : UNKNOWN_TIME;
}

/**
 * "12 Nov 2025": the text rendered before the client knows the time, so
 * server HTML and the hydrating client agree byte for byte.
 */
export function formatStableDate(iso: string, timeZone: string): string {
  const date = parseIsoDate(iso);
  return date ? formatDate(date, timeZone, "short") : UNKNOWN_TIME;
}

/** True when `updatedAt` is meaningfully later than `createdAt` (more than a second). */
export function wasEdited(createdAt: string, updatedAt: string): boolean {
  const created = Date.parse(createdAt);
  const updated = Date.parse(updatedAt);
  // The same write often stamps the two fields a few ms apart.
  return !Number.isNaN(created) && !Number.isNaN(updated) && updated - created > 1000;
}
