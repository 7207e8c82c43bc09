import { describe, expect, it } from "vitest";
import {
  buildFlagPatch,
  checkFlagForm,
  checkReviewForm,
  checkVoteReason,
  emptyEvidenceDraft,
  evidenceToDraft,
  safeSourceHref,
} from "@/lib/format/flag-form";
import type { TiptapDoc } from "@/lib/rich-text";
import { flagPart } from "./fixtures";

const taubman = { ...emptyEvidenceDraft(), title: "Khrushchev: The Man and His Era", author: "William Taubman", year: "2003", url: "https://example.org/taubman", locator: "p. 270" };
const docOf = (text: string): TiptapDoc => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describe("checkFlagForm", () => {
  it("accepts a correction with a citation and turns an empty link into none", () => {
    const result = checkFlagForm({ category: "date_number", correction: "1955", evidence: [{ ...taubman, url: "" }] });
    expect(result).toEqual({ ok: true, value: { category: "date_number", correction: "1955", evidence: [{ ...taubman, url: null }] } });
  });

  it("treats an empty correction as “delete the passage”, not as missing", () => {
    const result = checkFlagForm({ category: "page_artifact", correction: "", evidence: [] });
    expect(result.ok && result.value.correction).toBe("");
  });

  it("asks for a category before anything else", () => {
    const result = checkFlagForm({ category: "", correction: "1955", evidence: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.category).toBe("Choose what kind of error this is.");
      expect(result.message).toBe(result.errors.category);
    }
  });

  it("refuses links that are not http or https, naming the row the student sees", () => {
    const result = checkFlagForm({
      category: "date_number",
      correction: "1955",
      evidence: [emptyEvidenceDraft(), { ...taubman, url: "javascript:alert(1)" }, { ...taubman, url: "ftp://files.example.org" }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.evidence[0]).toBeUndefined();
      expect(result.errors.evidence[1]?.url).toMatch(/http:\/\/ or https:\/\//);
      expect(result.errors.evidence[2]?.url).toMatch(/http:\/\/ or https:\/\//);
    }
  });

  it("drops citation rows left blank but wants a title on any other", () => {
    const blankOnly = checkFlagForm({ category: "date_number", correction: "1955", evidence: [emptyEvidenceDraft()] });
    expect(blankOnly.ok && blankOnly.value.evidence).toEqual([]);
    const noTitle = checkFlagForm({ category: "date_number", correction: "1955", evidence: [{ ...taubman, title: " " }] });
    expect(!noTitle.ok && noTitle.errors.evidence[0]?.title).toBe("Give each source a title.");
  });
});

describe("buildFlagPatch", () => {
  const stored = flagPart({ rationale: docOf("Khrushchev's commission met in 1955."), evidence: [{ ...taubman }] });

  it("sends only what changed", () => {
    const value = { category: stored.category, correction: "1956", evidence: stored.evidence };
    expect(buildFlagPatch(stored, value, docOf("Khrushchev's commission met in 1955."))).toEqual({ patch: { correction: "1956" }, isEmpty: false });
  });

  it("sees an untouched form as empty, and a changed citation as a change", () => {
    const same = { category: stored.category, correction: stored.correction, evidence: stored.evidence.map(evidenceToDraft).map((d) => ({ ...d, url: d.url || null })) };
    expect(buildFlagPatch(stored, same, stored.rationale!).isEmpty).toBe(true);
    const moved = { ...same, evidence: [{ ...taubman, locator: "p. 271" }] };
    expect(Object.keys(buildFlagPatch(stored, moved, stored.rationale!).patch)).toEqual(["evidence"]);
  });
});

describe("checkReviewForm and checkVoteReason", () => {
  it("needs a reason to reject, not to verify", () => {
    expect(checkReviewForm("rejected", "  ")).toEqual({ ok: false, message: "Say why the flag is rejected: the student sees your reason." });
    expect(checkReviewForm("verified", "", "1955")).toEqual({ ok: true, value: { status: "verified", reason: "", correction: "1955" } });
  });

  it("limits a vote's reason to 500 characters", () => {
    expect(checkVoteReason(" Taubman agrees ")).toEqual({ ok: true, reason: "Taubman agrees" });
    expect(checkVoteReason("x".repeat(501)).ok).toBe(false);
  });
});

describe("safeSourceHref", () => {
  it("links only to http and https addresses", () => {
    expect(safeSourceHref("https://example.org/a")).toBe("https://example.org/a");
    expect(safeSourceHref("http://example.org")).toBe("http://example.org/");
    expect(safeSourceHref("mailto:someone@example.org")).toBeNull();
    expect(safeSourceHref("javascript:alert(1)")).toBeNull();
    expect(safeSourceHref(" https://example.org")).toBeNull();
    expect(safeSourceHref(null)).toBeNull();
  });
});
