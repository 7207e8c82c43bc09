import { describe, expect, it } from "vitest";
import {
  formatFullDate,
  formatRelativeTime as relative,
  formatStableDate,
  UNKNOWN_TIME,
  wasEdited,
} from "@/lib/format/relative-time";

// Calendar days are the school's (UTC here, the default); the machine's own zone plays no part.
const ZONE = "UTC";
const utc = (...f: [number, number, number, number?, number?]) => new Date(Date.UTC(f[0], f[1], f[2], f[3] ?? 12, f[4] ?? 0));
const now = utc(2026, 10, 14, 15, 30); // 14 Nov 2026, 15:30
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const at = (...fields: [number, number, number, number?, number?]) => utc(...fields).toISOString();
const formatRelativeTime = (iso: string, when: Date) => relative(iso, when, ZONE);

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

describe("formatRelativeTime", () => {
  it("says just now for the first minute", () => {
    expect(formatRelativeTime(ago(0), now)).toBe("just now");
    expect(formatRelativeTime(ago(59 * SEC), now)).toBe("just now");
  });

  it("treats a slightly fast clock as just now", () => {
    expect(formatRelativeTime(ago(-30 * SEC), now)).toBe("just now");
    expect(formatRelativeTime(ago(-3 * HOUR), now)).toBe("just now");
  });

  it("shows the date for times more than a day in the future", () => {
    expect(formatRelativeTime(at(2026, 10, 20), now)).toBe("20 Nov");
  });

  it("counts whole minutes under an hour", () => {
    expect(formatRelativeTime(ago(MIN), now)).toBe("1 min ago");
    expect(formatRelativeTime(ago(5 * MIN + 59 * SEC), now)).toBe("5 min ago");
    expect(formatRelativeTime(ago(59 * MIN + 59 * SEC), now)).toBe("59 min ago");
  });

  it("counts whole hours under a day, even across midnight", () => {
    expect(formatRelativeTime(ago(HOUR), now)).toBe("1 h ago");
    expect(formatRelativeTime(ago(3 * HOUR + 20 * MIN), now)).toBe("3 h ago");
    expect(formatRelativeTime(ago(23 * HOUR + 59 * MIN), now)).toBe("23 h ago");
    const justAfterMidnight = utc(2026, 10, 14, 0, 30);
    expect(formatRelativeTime(at(2026, 10, 13, 22, 30), justAfterMidnight)).toBe("2 h ago");
  });

  it("says yesterday for the previous calendar day once a day has passed", () => {
    expect(formatRelativeTime(at(2026, 10, 13, 9, 0), now)).toBe("yesterday");
    expect(formatRelativeTime(at(2026, 10, 13, 0, 5), now)).toBe("yesterday");
  });

  it("shows day and month within the same year", () => {
    expect(formatRelativeTime(at(2026, 10, 12), now)).toBe("12 Nov");
    expect(formatRelativeTime(at(2026, 0, 1), now)).toBe("1 Jan");
  });

  it("adds the year for other years", () => {
    expect(formatRelativeTime(at(2025, 10, 12), now)).toBe("12 Nov 2025");
    const newYear = utc(2027, 0, 2, 10, 0);
    expect(formatRelativeTime(at(2026, 11, 31, 9, 0), newYear)).toBe("31 Dec 2026");
  });

  it("says yesterday across a year boundary", () => {
    const newYear = utc(2027, 0, 1, 23, 0);
    expect(formatRelativeTime(at(2026, 11, 31, 8, 0), newYear)).toBe("yesterday");
  });

  it("never shows Invalid Date", () => {
    expect(formatRelativeTime("not a date", now)).toBe(UNKNOWN_TIME);
    expect(formatRelativeTime("", now)).toBe(UNKNOWN_TIME);
    expect(formatRelativeTime(ago(0), new Date(Number.NaN))).toBe(UNKNOWN_TIME);
  });
});

describe("in the school's time zone", () => {
  it("counts yesterday by the school's calendar, not UTC's", () => {
    // 02:00 UTC on 15 Nov is still 14 Nov, 21:00 in New York; 10:00 UTC on 13 Nov is 05:00 there.
    const later = utc(2026, 10, 15, 2, 0);
    const earlier = "2026-11-13T10:00:00.000Z";
    expect(relative(earlier, later, "UTC")).toBe("13 Nov");
    expect(relative(earlier, later, "America/New_York")).toBe("yesterday");
  });

  it("says which year it is by the school's calendar", () => {
    // New Year's Eve 20:00 in New York is already 1 January in UTC.
    const eve = "2027-01-01T01:00:00.000Z";
    expect(relative(eve, utc(2027, 0, 5), "America/New_York")).toBe("31 Dec 2026");
    expect(relative(eve, utc(2027, 0, 5), "UTC")).toBe("1 Jan");
  });
});

describe("absolute dates", () => {
  it("formats the stable server date in the school's zone", () => {
    expect(formatStableDate("2025-11-12T23:59:00.000Z", "UTC")).toBe("12 Nov 2025");
    expect(formatStableDate("2025-11-12T23:59:00.000Z", "Europe/Berlin")).toBe("13 Nov 2025");
    expect(formatStableDate("nope", "UTC")).toBe(UNKNOWN_TIME);
  });

  it("formats the full date with zero-padded time and names the zone", () => {
    expect(formatFullDate("2025-11-12T09:05:00.000Z", "UTC")).toBe("12 November 2025, 09:05 (UTC)");
    expect(formatFullDate("2025-11-12T09:05:00.000Z", "Asia/Kolkata")).toBe("12 November 2025, 14:35 (Asia/Kolkata)");
  });
});

describe("wasEdited", () => {
  it("ignores the few milliseconds between two stamps of the same write", () => {
    expect(wasEdited("2025-11-12T09:05:00.000Z", "2025-11-12T09:05:00.400Z")).toBe(false);
    expect(wasEdited("2025-11-12T09:05:00.000Z", "2025-11-12T09:06:00.000Z")).toBe(true);
    expect(wasEdited("2025-11-12T09:05:00.000Z", "garbage")).toBe(false);
  });
});
