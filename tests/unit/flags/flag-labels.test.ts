import { describe, expect, it } from "vitest";
import {
  describeAuditEntry,
  describeCorrection,
  describeFinders,
  describeMerge,
  describeStatusMix,
  describeVotes,
  FLAG_CATEGORY_OPTIONS,
  flagCategoryName,
  flagStatusLabel,
  listNames,
} from "@/lib/format/flag-labels";
import { ana, ben, teacher } from "./fixtures";

describe("flag labels", () => {
  it("states the proposed change, or a deletion", () => {
    expect(describeCorrection("1995", "1955").text).toBe("“1995” → “1955”");
    expect(describeCorrection("Part", "").text).toBe("delete “Part”");
    expect(describeCorrection("Part", "").to).toBeNull();
  });

  it("shortens a long passage on one line", () => {
    expect(describeCorrection("word ".repeat(40), "x").from.endsWith("…")).toBe(true);
  });

  it("counts votes with both sides, and says when there are none", () => {
    expect(describeVotes({ agree: 3, disagree: 1 })).toBe("3 agree · 1 disagree");
    expect(describeVotes({ agree: 0, disagree: 0 })).toBe("No votes yet");
  });

  it("credits finders in order, calling the viewer “you”", () => {
    expect(describeFinders([ana, ben], "u-reed")).toBe("Found by Ana Petrova, Ben Okafor");
    expect(describeFinders([ana, ben], ben.id)).toBe("Found by Ana Petrova, you");
    expect(describeFinders([], ben.id)).toBeNull();
  });

  it("names statuses in words", () => {
    expect(flagStatusLabel("needs_evidence")).toBe("Needs evidence");
  });
});

describe("describeAuditEntry", () => {
  const at = "2025-11-10T10:00:00.000Z";

  it("reads a status change with the teacher's reason", () => {
    const line = describeAuditEntry({ actor: teacher, action: "status", from: "open", to: "rejected", reason: "The source says 1995.", at });
    expect(line).toEqual({ who: "Ms Reed", what: "changed the status", change: "Open → Rejected", why: "The source says 1995." });
  });

  it("quotes corrections and spells out a deletion", () => {
    expect(describeAuditEntry({ actor: teacher, action: "correction", from: "1955", to: "", reason: null, at }).change).toBe("“1955” → (delete)");
  });

  it("hides the internal ids merge entries carry, and copes with unknown actions", () => {
    expect(describeAuditEntry({ actor: teacher, action: "merged", from: "open", to: "merged", reason: "Merged into abc", at }).why).toBeNull();
    expect(describeAuditEntry({ actor: null, action: "hidden_by_teacher", from: null, to: null, reason: null, at })).toEqual({
      who: "Someone",
      what: "hidden by teacher",
      change: null,
      why: null,
    });
  });
});

describe("category names", () => {
  it("offers all nine categories, capitalised, in the shared order (the form shows the ninth, transcription error, on scans only)", () => {
    expect(FLAG_CATEGORY_OPTIONS).toHaveLength(9);
    expect(FLAG_CATEGORY_OPTIONS.at(-1)).toEqual({ value: "transcription", label: "Transcription error (the scan was misread, not the source)" });
    expect(FLAG_CATEGORY_OPTIONS[0]).toEqual({ value: "date_number", label: "Wrong date or number" });
    expect(flagCategoryName("misquote")).toBe("Misquote or misattribution");
  });
});

describe("merge and finding wording", () => {
  it("says what goes into what and who keeps the credit, each finder once", () => {
    const chloe = { id: "u-chloe", name: "Chloe", isTeacher: false };
    const into = { author: ana, flag: { finders: [ana, chloe], votes: { agree: 2, disagree: 0 } } };
    const from = { author: ben, flag: { finders: [ben, chloe], votes: { agree: 1, disagree: 1 } } };
    expect(describeMerge(from, into)).toEqual({
      question: "Merge Ben Okafor’s flag into Ana Petrova’s flag?",
      credit: "Ana Petrova’s flag remains, with Ana Petrova, Chloe and Ben Okafor credited as finders.",
      after: "Ben Okafor’s flag is marked merged: its 2 votes stay on it, and “Undo merge” takes it back out.",
    });
    expect(describeMerge({ ...from, flag: { finders: [ben], votes: { agree: 0, disagree: 0 } } }, into).after).toContain("it has no votes");
  });

  it("names a finding's statuses together, or each with its count when they differ", () => {
    expect(describeStatusMix(["open", "open"])).toBe("Open");
    expect(describeStatusMix(["verified", "open", "open", "needs_evidence"])).toBe("2 open · 1 verified · 1 needs evidence");
  });

  it("joins names as a sentence", () => {
    expect(listNames([])).toBe("");
    expect(listNames(["Ana"])).toBe("Ana");
    expect(listNames(["Ana", "Ben", "Chloe"])).toBe("Ana, Ben and Chloe");
  });

  it("tells an undone merge in words and never shows the partner's id", () => {
    const line = describeAuditEntry({ actor: teacher, action: "unmerged", from: "merged", to: "needs_evidence", reason: "Merged into abc123", at: "" });
    expect(line).toEqual({ who: "Ms Reed", what: "took this flag back out of the one it was merged into", change: "Merged → Needs evidence", why: null });
    expect(describeAuditEntry({ actor: teacher, action: "unmerged-out", from: null, to: null, reason: "Merged from abc123", at: "" }).why).toBeNull();
  });
});
