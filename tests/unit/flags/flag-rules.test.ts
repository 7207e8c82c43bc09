import { describe, expect, it } from "vitest";
import { applyFilter, DEFAULT_FILTER } from "@/lib/annotations/filters";
import { canMergeInto, canVoteOnFlag, describeFlagMark, findingKey, findMergeTargets, isFlagEditable, mergeTargetNote, type FlagAnnotation } from "@/lib/annotations/flags";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { ana, annotation, ben, flagPart } from "./fixtures";

const asBen = { id: ben.id, role: "student" as const };

describe("who may do what with a flag", () => {
  it("lets a classmate vote but not the author, a teacher, or anyone on a merged flag", () => {
    const anasFlag = annotation();
    expect(canVoteOnFlag(anasFlag, asBen)).toBe(true);
    expect(canVoteOnFlag({ ...anasFlag, isMine: true }, { id: ana.id, role: "student" })).toBe(false);
    expect(canVoteOnFlag(anasFlag, { id: "u-reed", role: "teacher" })).toBe(false);
    expect(canVoteOnFlag(annotation({ flag: flagPart({ status: "merged" }) }), asBen)).toBe(false);
    expect(canVoteOnFlag(annotation({ kind: "comment", flag: undefined }), asBen)).toBe(false);
  });

  it("keeps a flag editable only until the teacher decides", () => {
    expect(isFlagEditable("open")).toBe(true);
    expect(isFlagEditable("needs_evidence")).toBe(true);
    expect(isFlagEditable("verified")).toBe(false);
    expect(isFlagEditable("rejected")).toBe(false);
    expect(isFlagEditable("merged")).toBe(false);
  });
});

describe("findMergeTargets", () => {
  const anasFlag = annotation({ id: "ana-flag" });
  const bensDuplicate = annotation({ id: "ben-dup", author: ben, createdAt: "2025-11-10T09:05:00.000Z" });
  const bensOtherFix = annotation({ id: "ben-1956", author: ben, flag: flagPart({ correction: "1956" }) });
  const widerSpan = annotation({ id: "wider", position: { start: 7, end: 14 } });
  const alreadyMerged = annotation({ id: "merged", flag: flagPart({ status: "merged", mergedIntoId: "ana-flag" }) });
  const comment = annotation({ id: "comment", kind: "comment", flag: undefined });
  const all = [bensDuplicate, anasFlag, bensOtherFix, widerSpan, alreadyMerged, comment];

  it("offers only other flags on the same span with the same correction", () => {
    expect(findMergeTargets(bensDuplicate, all).map((a) => a.id)).toEqual(["ana-flag"]);
    expect(findMergeTargets(anasFlag, all).map((a) => a.id)).toEqual(["ben-dup"]);
  });

  it("offers nothing for a flag without a twin", () => {
    expect(findMergeTargets(bensOtherFix, all)).toEqual([]);
    expect(findMergeTargets(comment, all)).toEqual([]);
  });

  it("lists the earliest finder's flag first", () => {
    const third = annotation({ id: "late", createdAt: "2025-11-11T09:00:00.000Z" });
    expect(findMergeTargets(bensDuplicate, [third, ...all]).map((a) => a.id)).toEqual(["ana-flag", "late"]);
  });

  it("reads corrections as the API's merge does: spaces at the ends and inside do not make another finding", () => {
    const spaced = annotation({ id: "spaced", author: ben, flag: flagPart({ correction: " 1955  " }) });
    expect(findMergeTargets(spaced, all).map((a) => a.id)).toEqual(["ana-flag", "ben-dup"]);
    expect(findingKey(spaced as FlagAnnotation)).toBe(findingKey(anasFlag as FlagAnnotation));
  });

  it("lists a rejected twin last, marked, and never as a target to choose", () => {
    const rejected = annotation({ id: "rejected", createdAt: "2025-11-09T09:00:00.000Z", flag: flagPart({ status: "rejected", statusReason: "No." }) });
    const targets = findMergeTargets(bensDuplicate, [rejected, ...all]);
    expect(targets.map((a) => a.id)).toEqual(["ana-flag", "rejected"]);
    expect(targets.map(canMergeInto)).toEqual([true, false]);
    expect(targets.map(mergeTargetNote)).toEqual([null, "rejected: reopen it to merge into it"]);
  });
});

describe("describeFlagMark", () => {
  const byId = (...list: AnnotationDTO[]) => new Map(list.map((a) => [a.id, a]));

  it("puts the correction after the run where the flag ends, not after earlier runs", () => {
    const flag = annotation({ id: "f", span: { start: 10, end: 14 } });
    const highlight = annotation({ id: "h", kind: "highlight", flag: undefined, span: { start: 8, end: 12 } });
    const map = byId(flag, highlight);
    expect(describeFlagMark(["f", "h"], 12, map)?.correctionText).toBeNull();
    expect(describeFlagMark(["f"], 14, map)?.correctionText).toBe("1955");
    expect(describeFlagMark(["h"], 10, map)).toBeNull();
  });

  it("shows a deletion in words and a decision over an open question", () => {
    const deletion = annotation({ id: "d", flag: flagPart({ correction: "" }) });
    const verified = annotation({ id: "v", flag: flagPart({ status: "verified" }) });
    const mark = describeFlagMark(["d", "v"], 14, byId(deletion, verified));
    expect(mark?.status).toBe("verified");
    expect(mark?.correctionText).toBe("(delete) / 1955");
  });

  it("ignores merged flags: their target is drawn instead", () => {
    const merged = annotation({ id: "m", flag: flagPart({ status: "merged" }) });
    expect(describeFlagMark(["m"], 14, byId(merged))).toBeNull();
  });

  it("marks words fixed in the source quietly: no status line, no correction after them", () => {
    const fixed = annotation({ id: "x", anchorStatus: "replaced", flag: flagPart({ status: "verified", fixedInSource: true }) });
    expect(describeFlagMark(["x"], 14, byId(fixed))).toEqual({
      status: "verified",
      corrections: [],
      correctionText: null,
      isFixedInSource: true,
    });
    expect(describeFlagMark(["a-1"], 14, byId(annotation()))?.isFixedInSource).toBe(false);
  });

  it("lets a flag still open on the same words win over one fixed in the source", () => {
    const fixed = annotation({ id: "x", flag: flagPart({ status: "verified", fixedInSource: true }) });
    const open = annotation({ id: "o", flag: flagPart({ correction: "1956" }) });
    const mark = describeFlagMark(["x", "o"], 14, byId(fixed, open));
    expect(mark).toMatchObject({ status: "open", correctionText: "1956", isFixedInSource: false });
  });
});

describe("filtering by flag status", () => {
  const open = annotation({ id: "open" });
  const verified = annotation({ id: "verified", flag: flagPart({ status: "verified" }) });
  const comment = annotation({ id: "comment", kind: "comment", flag: undefined });

  it("keeps every kind by default and only flags of that status when one is chosen", () => {
    expect(applyFilter([open, verified, comment], DEFAULT_FILTER)).toHaveLength(3);
    expect(applyFilter([open, verified, comment], { ...DEFAULT_FILTER, flagStatus: "verified" }).map((a) => a.id)).toEqual(["verified"]);
    expect(applyFilter([open, verified, comment], { ...DEFAULT_FILTER, kind: "flag" }).map((a) => a.id).sort()).toEqual(["open", "verified"]);
  });
});
