import { describe, expect, it } from "vitest";
import { completionScore, completionStatus } from "@/lib/annotations/completion";
import { scoreBody, scoresUrl } from "@/lib/lti/ags";
import { nextPageUrl, parseMembershipPage } from "@/lib/lti/nrps";
import { classRoleFor } from "@/lib/lti/roles";

const M = "http://purl.imsglobal.org/vocab/lis/v2/membership";

describe("LMS roles → class roles (LTI Core 1.3 Appendix A.2)", () => {
  it("instructors and teaching assistants teach, learners learn", () => {
    expect(classRoleFor([`${M}#Instructor`])).toBe("teacher");
    expect(classRoleFor(["Instructor"])).toBe("teacher");
    expect(classRoleFor([`${M}/Instructor#TeachingAssistant`])).toBe("teacher");
    expect(classRoleFor([`${M}#Learner`])).toBe("student");
    expect(classRoleFor([`${M}/Learner#NonCreditLearner`])).toBe("student");
  });

  it("teaching wins over learning in the same course", () => {
    expect(classRoleFor([`${M}#Learner`, `${M}#Instructor`])).toBe("teacher");
  });

  it("gives an institution's instructor who learns in this course a student's place, and a mentor none", () => {
    expect(classRoleFor(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor", `${M}#Learner`])).toBe("student");
    expect(classRoleFor(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"])).toBeNull();
    expect(classRoleFor([`${M}#Mentor`])).toBeNull();
    expect(classRoleFor([])).toBeNull();
  });
});

describe("NRPS 2.0 membership pages", () => {
  it("reads members, treats a missing status as Active, and skips members without a user_id", () => {
    const members = parseMembershipPage({
      members: [
        { user_id: "a", name: "Ana", email: "ANA@x.org", roles: [`${M}#Learner`] },
        { user_id: "b", given_name: "Ben", family_name: "B", roles: [`${M}#Instructor`], status: "Inactive" },
        { name: "nobody", roles: [`${M}#Learner`] },
      ],
    });
    expect(members).toEqual([
      { sub: "a", name: "Ana", email: "ana@x.org", role: "student", isActive: true },
      { sub: "b", name: "Ben B", email: null, role: "teacher", isActive: false },
    ]);
    expect(parseMembershipPage({ nope: 1 })).toBeNull();
  });

  it("follows only rel=\"next\" of a Link header, and only to an https (or loopback) address", () => {
    expect(nextPageUrl('<https://lms.x/m?p=1>; rel="prev", <https://lms.x/m?p=3>; rel="next"')).toBe("https://lms.x/m?p=3");
    expect(nextPageUrl('<https://lms.x/m?p=3>; rel="differences"')).toBeNull();
    expect(nextPageUrl('<http://evil.example/m>; rel="next"')).toBeNull();
    expect(nextPageUrl(null)).toBeNull();
  });
});

describe("AGS 2.0 scores", () => {
  it("appends /scores to the line item's path, keeping its query (Moodle's carry one)", () => {
    expect(scoresUrl("https://moodle.x/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1")).toBe(
      "https://moodle.x/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1",
    );
    expect(scoresUrl("https://canvas.x/api/lti/courses/1/line_items/5/")).toBe("https://canvas.x/api/lti/courses/1/line_items/5/scores");
  });

  it("posts a finished, fully graded score out of 100, clamped to 0–100", () => {
    const at = new Date("2026-12-07T10:00:00.000Z");
    expect(scoreBody({ userId: "u", scoreGiven: 120, timestamp: at })).toEqual({
      userId: "u",
      scoreGiven: 100,
      scoreMaximum: 100,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: "2026-12-07T10:00:00.000Z",
    });
    expect(scoreBody({ userId: "u", scoreGiven: -3, timestamp: at }).scoreGiven).toBe(0);
  });
});

describe("completion score", () => {
  const minimums = { highlights: 3, comments: 1, flags: 1 };
  const due = new Date("2030-01-01");
  const now = new Date("2026-01-01");

  it("is 100 exactly when the work is complete", () => {
    const done = { highlights: 3, comments: 1, flags: 1 };
    expect(completionStatus(done, minimums, due, now)).toBe("complete");
    expect(completionScore(done, minimums)).toBe(100);
  });

  it("counts each kind only up to its minimum: more highlights never make up for a missing flag", () => {
    const manyHighlights = completionScore({ highlights: 30, comments: 1, flags: 0 }, minimums);
    const oneFlagMore = completionScore({ highlights: 3, comments: 1, flags: 1 }, minimums);
    expect(manyHighlights).toBe(80);
    expect(oneFlagMore).toBeGreaterThan(manyHighlights);
    expect(completionScore({ highlights: 1, comments: 0, flags: 0 }, minimums)).toBeLessThan(completionScore({ highlights: 2, comments: 0, flags: 0 }, minimums));
  });

  it("with no minimums, any work at all is complete", () => {
    const none = { highlights: 0, comments: 0, flags: 0 };
    expect(completionScore(none, none)).toBe(0);
    expect(completionScore({ highlights: 1, comments: 0, flags: 0 }, none)).toBe(100);
  });
});
