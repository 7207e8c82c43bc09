import { afterEach, describe, expect, it } from "vitest";
import { getTeacherEmailDomains } from "@/lib/env";
import { isTeacherEmail } from "@/lib/server/users/account-role";

afterEach(() => {
  delete process.env.TEACHER_EMAIL_DOMAINS;
});

describe("TEACHER_EMAIL_DOMAINS", () => {
  it("reads a comma-separated list, trimmed, lower-cased, with an optional @; unset means no domain", () => {
    expect(getTeacherEmailDomains()).toEqual([]);
    process.env.TEACHER_EMAIL_DOMAINS = " Staff.School.edu, @teachers.example ,";
    expect(getTeacherEmailDomains()).toEqual(["staff.school.edu", "teachers.example"]);
  });

  it("stops with one line naming the variable when an entry is not a domain", () => {
    process.env.TEACHER_EMAIL_DOMAINS = "school.edu, not a domain";
    expect(() => getTeacherEmailDomains()).toThrow(/^Configuration error: TEACHER_EMAIL_DOMAINS must be domains/);
  });

  it("matches the exact domain after the last @, never a suffix or a subdomain", () => {
    const domains = ["staff.school.edu"];
    expect(isTeacherEmail("Ms.Reed@Staff.School.edu", domains)).toBe(true);
    expect(isTeacherEmail("x@evilstaff.school.edu", domains)).toBe(false);
    expect(isTeacherEmail("x@sub.staff.school.edu", domains)).toBe(false);
    expect(isTeacherEmail("x@staff.school.edu.evil.org", domains)).toBe(false);
    expect(isTeacherEmail("anyone@school.edu", [])).toBe(false);
  });
});
