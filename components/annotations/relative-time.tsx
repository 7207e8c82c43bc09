"use client";

import {
  formatFullDate,
  formatRelativeTime,
  formatStableDate,
} from "@/lib/format/relative-time";
import { useSchoolTimeZone } from "@/components/ui/school-time-zone";
import { useMinuteClock } from "./use-minute-clock";

/** Props for RelativeTime. */
export interface RelativeTimeProps {
  /** ISO 8601 timestamp, as sent by the API. */
  iso: string;
  className?: string;
}

/**
 * A `<time>` reading "5 min ago", refreshed every minute, with the full date
 * and time as its tooltip, both in the school's time zone. The server and the
 * hydrating client both render the date ("12 Nov 2025"), since the reader's
 * clock is not known on the server; the relative text replaces it right
 * after hydration.
 */
export function RelativeTime({ iso, className }: RelativeTimeProps) {
  const now = useMinuteClock();
  const timeZone = useSchoolTimeZone();
  const text = now === null ? formatStableDate(iso, timeZone) : formatRelativeTime(iso, new Date(now), timeZone);
  const title = formatFullDate(iso, timeZone);
  return (
    <time dateTime={iso} title={title} className={className}>
      {text}
    </time>
  );
}
