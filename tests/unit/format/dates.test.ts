import { describe, expect, it } from "vitest";
import { getSchoolTimeZone } from "@/lib/env";
import { describeImported } from "@/lib/format/imported-provenance";
import {
  aWeekFromToday,
  calendarDay,
  formatCalendarDate,
  formatDate,
  fromWallTime,
  isTimeZone,
  isValidDate,
  toIsoString,
  toWallTime,
  UNKNOWN_DATE,
} from "@/lib/format/dates";
import { createAssignmentSchema } from "@/lib/validation/assignment";

/** What the driver hands back for a timestamp JavaScript cannot represent, such as a year of 10000. */
const unreadable = new Date("10000-01-01T00:00:00Z");

describe("one date formatter, in the school's time zone", () => {
  // A due date at 23:30 UTC: already the next day in Berlin, still the same day in New York.
  const due = new Date("2026-12-15T23:30:00.000Z");

  it("writes every style the app shows", () => {
    expect(formatDate(due, "UTC")).toBe("15 December 2026");
    expect(formatDate(due, "UTC", "due")).toBe("Tue 15 December 2026, 23:30");
    expect(formatDate(due, "UTC", "short")).toBe("15 Dec 2026");
    expect(formatDate(due, "UTC", "dayMonth")).toBe("15 Dec");
    expect(formatDate(due, "UTC", "full")).toBe("15 December 2026, 23:30 (UTC)");
  });

  it("gives the day and hour the school's clock shows, whatever the machine's zone", () => {
    expect(formatDate(due, "Europe/Berlin", "due")).toBe("Wed 16 December 2026, 00:30");
    expect(formatDate(due, "America/New_York", "due")).toBe("Tue 15 December 2026, 18:30");
    // Summer time is the zone's own business.
    expect(formatDate("2026-07-01T12:00:00.000Z", "Europe/London", "due")).toBe("Wed 1 July 2026, 13:00");
  });

  it("takes ISO strings and timestamps as well as dates", () => {
    expect(formatDate("2026-12-15T23:30:00.000Z", "UTC")).toBe("15 December 2026");
    expect(formatDate(due.getTime(), "UTC", "short")).toBe("15 Dec 2026");
  });

  it("counts calendar days in the zone, so one moment can be 'today' in one school and 'tomorrow' in another", () => {
    const morning = new Date("2026-12-15T08:00:00.000Z");
    expect(calendarDay(due, "UTC") - calendarDay(morning, "UTC")).toBe(0);
    expect(calendarDay(due, "Europe/Berlin") - calendarDay(morning, "Europe/Berlin")).toBe(1);
  });

  it("writes a calendar date (a source's retrieval day) without moving it by any zone", () => {
    expect(formatCalendarDate("2026-11-27")).toBe("27 November 2026");
    expect(formatCalendarDate("November 2026")).toBe("November 2026");
    expect(formatCalendarDate("2026-02-31")).toBe("2026-02-31");
  });

  it("dates an import's original in the school's zone too", () => {
    const imported = { importedAt: "2026-03-01T00:00:00.000Z", originalCreator: "Ana", originalCreated: "2020-01-01T02:00:00.000Z" };
    expect(describeImported(imported, "UTC")).toBe("Imported · originally by Ana, 1 Jan 2020");
    expect(describeImported(imported, "America/Los_Angeles")).toBe("Imported · originally by Ana, 31 Dec 2019");
  });
});

describe("due dates typed on the assign form are the school's hours", () => {
  it("reads a datetime-local value in the school's zone, and writes one back", () => {
    expect(fromWallTime("2026-12-15T17:00", "UTC")?.toISOString()).toBe("2026-12-15T17:00:00.000Z");
    expect(fromWallTime("2026-12-15T17:00", "Europe/Berlin")?.toISOString()).toBe("2026-12-15T16:00:00.000Z");
    expect(fromWallTime("2026-07-15T17:00", "America/New_York")?.toISOString()).toBe("2026-07-15T21:00:00.000Z");
    expect(toWallTime(new Date("2026-12-15T16:00:00.000Z"), "Europe/Berlin")).toBe("2026-12-15T17:00");
    // A year-10000 due date stored before dates were limited reads as an Invalid Date: an empty field, not a throw.
    expect(toWallTime(new Date(Number.NaN), "Europe/Berlin")).toBe("");
  });

  it("gives the moment after the gap for an hour the clock skips, and refuses what is no time", () => {
    // Europe/London skips 01:00–02:00 on 29 March 2026.
    expect(fromWallTime("2026-03-29T01:30", "Europe/London")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(fromWallTime("2026-02-30T17:00", "UTC")).toBeNull();
    expect(fromWallTime("tomorrow", "UTC")).toBeNull();
  });

  it("offers next week at 5 pm on the school's calendar, which may already be a day ahead of UTC", () => {
    const now = Date.parse("2026-12-07T20:00:00Z"); // Tuesday 8 December, 09:00 in Auckland
    expect(aWeekFromToday("UTC", now)).toBe("2026-12-14T17:00");
    expect(aWeekFromToday("Pacific/Auckland", now)).toBe("2026-12-15T17:00");
  });
});

describe("SCHOOL_TIME_ZONE", () => {
  const withZone = (value: string | undefined, read: () => string) => {
    const before = process.env.SCHOOL_TIME_ZONE;
    if (value === undefined) delete process.env.SCHOOL_TIME_ZONE;
    else process.env.SCHOOL_TIME_ZONE = value;
    try {
      return read();
    } finally {
      if (before === undefined) delete process.env.SCHOOL_TIME_ZONE;
      else process.env.SCHOOL_TIME_ZONE = before;
    }
  };

  it("defaults to UTC, also when empty", () => {
    expect(withZone(undefined, getSchoolTimeZone)).toBe("UTC");
    expect(withZone("", getSchoolTimeZone)).toBe("UTC");
    expect(withZone(" Europe/London ", getSchoolTimeZone)).toBe("Europe/London");
  });

  it("stops with one line naming the variable when it is no zone", () => {
    expect(() => withZone("Europe/Londn", getSchoolTimeZone)).toThrow(/^Configuration error: SCHOOL_TIME_ZONE must be an IANA time zone/);
    expect(isTimeZone("GMT+1")).toBe(false);
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
  });
});

describe("stored dates, shown and serialized without throwing", () => {
  it("serializes a real date as before", () => {
    const date = new Date("2026-03-10T17:00:00.000Z");
    expect(isValidDate(date)).toBe(true);
    expect(toIsoString(date)).toBe("2026-03-10T17:00:00.000Z");
  });

  it("turns an unreadable date into words and an empty ISO string, where toISOString throws", () => {
    expect(() => unreadable.toISOString()).toThrow(RangeError);
    expect(isValidDate(unreadable)).toBe(false);
    expect(toIsoString(unreadable)).toBe("");
    expect(formatDate(unreadable, "UTC")).toBe(UNKNOWN_DATE);
    expect(formatDate(null, "UTC")).toBe(UNKNOWN_DATE);
    expect(formatDate("not a date", "UTC", "due")).toBe(UNKNOWN_DATE);
  });
});

describe("a due date between the years 2000 and 2100", () => {
  const dueAt = (value: unknown) => createAssignmentSchema.safeParse({ essayId: "essay", dueAt: value });
  const message = (value: unknown) => {
    const parsed = dueAt(value);
    return parsed.success ? "accepted" : parsed.error.issues[0].message;
  };

  it("accepts the range's first and last moments and an ordinary date", () => {
    expect(message("2000-01-01T00:00:00.000Z")).toBe("accepted");
    expect(message("2100-12-31T23:59:59.999Z")).toBe("accepted");
    expect(message("2026-12-09T17:00:00.000Z")).toBe("accepted");
  });

  it("refuses a year of 10000, year 0 and dates just outside with one sentence", () => {
    for (const value of ["+010000-01-01T00:00:00.000Z", "0000-01-01", "1999-12-31T23:59:59.999Z", "2101-01-01T00:00:00.000Z", 8.64e15]) {
      expect(message(value), String(value)).toBe("Choose a due date between the years 2000 and 2100.");
    }
    expect(message("not a date")).toBe("Give a due date.");
    expect(message("")).not.toBe("accepted");
  });
});
