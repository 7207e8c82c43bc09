import { describe, expect, it } from "vitest";
import { formatDate, isValidDate, toIsoString, UNKNOWN_DATE } from "@/lib/format/dates";
import { createAssignmentSchema } from "@/lib/validation/assignment";

/** What the driver hands back for a timestamp JavaScript cannot represent, such as a year of 10000. */
const unreadable = new Date("10000-01-01T00:00:00Z");

describe("stored dates, shown and serialized without throwing", () => {
  it("shows and serializes a real date as before", () => {
    const date = new Date("2026-03-10T17:00:00.000Z");
    expect(isValidDate(date)).toBe(true);
    expect(toIsoString(date)).toBe("2026-03-10T17:00:00.000Z");
    expect(formatDate(date)).toBe("10 March 2026");
    expect(formatDate(date, { weekday: "short", day: "numeric", month: "long" })).toBe("Tue 10 March");
  });

  it("turns an unreadable date into words and an empty ISO string, where toISOString throws", () => {
    expect(() => unreadable.toISOString()).toThrow(RangeError);
    expect(isValidDate(unreadable)).toBe(false);
    expect(toIsoString(unreadable)).toBe("");
    expect(formatDate(unreadable)).toBe(UNKNOWN_DATE);
    expect(formatDate(null)).toBe(UNKNOWN_DATE);
  });
});

describe("a due date between the years 2000 and 2100", () => {
  const due = (dueAt: unknown) => createAssignmentSchema.safeParse({ essayId: "essay", dueAt });
  const message = (dueAt: unknown) => {
    const parsed = due(dueAt);
    return parsed.success ? "accepted" : parsed.error.issues[0].message;
  };

  it("accepts the range's first and last moments and an ordinary date", () => {
    expect(message("2000-01-01T00:00:00.000Z")).toBe("accepted");
    expect(message("2100-12-31T23:59:59.999Z")).toBe("accepted");
    expect(message("2026-12-09T17:00:00.000Z")).toBe("accepted");
  });

  it("refuses a year of 10000, year 0 and dates just outside with one sentence", () => {
    for (const dueAt of ["+010000-01-01T00:00:00.000Z", "0000-01-01", "1999-12-31T23:59:59.999Z", "2101-01-01T00:00:00.000Z", 8.64e15]) {
      expect(message(dueAt), String(dueAt)).toBe("Choose a due date between the years 2000 and 2100.");
    }
    expect(message("not a date")).toBe("Give a due date.");
  });
});
