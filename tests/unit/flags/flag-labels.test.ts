import { describe, expect, it } from "vitest";
import {
  describeAuditEntry,
  describeCorrection,
  describeFinders,
  describeVotes,
  FLAG_CATEGORY_OPTIONS,
  flagCategoryName,
  flagStatusLabel,
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
