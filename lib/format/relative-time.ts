/**
 * Dates for annotation threads. Month names are spelled out here rather than
 * taken from Intl so the output is identical on the server, in every browser
 * and in tests, whatever locale data the runtime ships with.
 */

const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

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

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Midnight (local time) of the day `date` falls on, as a day count that survives DST. */
function localDayNumber(date: Date): number {
  // Date.UTC on the local calendar fields gives whole days without DST's 23/25 h days.
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY);
}

/**
 * "Just now", "5 min ago", "3 h ago", "yesterday", then "12 Nov" (same year
 * as `now`) or "12 Nov 2025". Calendar days are local to the runtime.
 * Slightly future times (a Chromebook clock a little fast) read "just now";
 * more than a day ahead shows the date, since "in 3 days" would be a lie.
 */
export function formatRelativeTime(iso: string, now: Date): string {
  const date = parseIsoDate(iso);
  if (!date || Number.isNaN(now.getTime())) return UNKNOWN_TIME;

  const diff = now.getTime() - date.getTime();
  if (diff < -DAY) return formatShortDate(date, now);
  if (diff < MINUTE) return "just now";
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)} min ago`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)} h ago`;
  if (localDayNumber(now) - localDayNumber(date) === 1) return "yesterday";
  return formatShortDate(date, now);
}

/** "12 Nov" when `date` is in the same (local) year as `now`, else "12 Nov 2025". */
export function formatShortDate(date: Date, now: Date): string {
  const dayMonth = `${date.getDate()} ${MONTHS_SHORT[date.getMonth()]}`;
  return date.getFullYear() === now.getFullYear() ? dayMonth : `${dayMonth} ${date.getFullYear()}`;
}

/**
 * The full date and time for a tooltip: "12 November 2025, 14:05" in local
 * time, or "12 November 2025, 14:05 UTC" with `zone: "utc"`. The UTC form is
 * what the server can render without knowing the reader's time zone.
 */
export function formatFullDate(iso: string, zone: "local" | "utc" = "local"): string {
  const date = parseIsoDate(iso);
  if (!date) return UNKNOWN_TIME;
  if (zone === "utc") {
    return `${date.getUTCDate()} ${MONTHS_LONG[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())} UTC`;
  }
  return `${date.getDate()} ${MONTHS_LONG[date.getMonth()]} ${date.getFullYear()}, ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/**
 * "12 Nov 2025" in UTC: the text rendered before the client knows the time,
 * so server HTML and the hydrating client agree byte for byte.
 */
export function formatStableDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return UNKNOWN_TIME;
  return `${date.getUTCDate()} ${MONTHS_SHORT[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** True when `updatedAt` is meaningfully later than `createdAt` (more than a second). */
export function wasEdited(createdAt: string, updatedAt: string): boolean {
  const created = Date.parse(createdAt);
  const updated = Date.parse(updatedAt);
  // The same write often stamps the two fields a few ms apart.
  return !Number.isNaN(created) && !Number.isNaN(updated) && updated - created > 1000;
}
