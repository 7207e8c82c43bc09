"use client";

import {
  formatFullDate,
  formatRelativeTime,
  formatStableDate,
} from "@/lib/format/relative-time";
import { useMinuteClock } from "./use-minute-clock";

/** Props for RelativeTime. */
export interface RelativeTimeProps {
  /** ISO 8601 timestamp, as sent by the API. */
  iso: string;
  className?: string;
}

/**
 * A `<time>` reading "5 min ago", refreshed every minute, with the full local
 * date as its tooltip. The server and the hydrating client both render the
 * UTC date ("12 Nov 2025"), since neither the reader's clock nor time zone is
 * known on the server; the relative text replaces it right after hydration.
 */
export function RelativeTime({ iso, className }: RelativeTimeProps) {
  const now = useMinuteClock();
  const text = now === null ? formatStableDate(iso) : formatRelativeTime(iso, new Date(now));
  const title = now === null ? formatFullDate(iso, "utc") : formatFullDate(iso);
  return (
    <time dateTime={iso} title={title} className={className}>
      {text}
    </time>
  );
}
