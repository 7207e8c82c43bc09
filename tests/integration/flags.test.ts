import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { richTextFromPlain } from "@/lib/rich-text";
import { findAnnotation, findAnnotations } from "@/lib/server/annotations/find-annotations";
import { createFlag } from "@/lib/server/flags/create-flag";
import { editFlag } from "@/lib/server/flags/edit-flag";
import { mergeFlags, reviewFlag } from "@/lib/server/flags/review-flag";
import { voteOnFlag } from "@/lib/server/flags/vote-on-flag";
import { createReply } from "@/lib/server/replies/reply-writes";
import type { CreateFlagInput } from "@/lib/validation/flag";
import { makeUser, makeWorld, select } from "../support/world";
import { codeOf } from "../support/error-code";

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;


function flagInput(words: string, correction: string, overrides: Partial<CreateFlagInput> = {}): CreateFlagInput {
  return {
    id: randomUUID(),
    scope: "class",
    ...select(world.revision.text, words),
    category: "date_number",
    correction,
    rationale: richTextFromPlain("The commission was set up after Stalin's death in 1953."),
    evidence: [{ title: "Khrushchev: The Man and His Era", author: "William Taubman", year: "2003", url: "https://example.org/taubman", locator: "p. 278", quote: "" }],
    tags: [],
    ...overrides,
  };
}

const flag = (viewerId: string, words: string, correction: string, overrides: Partial<CreateFlagInput> = {}) =>
  createFlag({ viewerId, assignmentId: world.assignmentA.id, input: flagInput(words, correction, overrides) });

beforeAll(async () => {
  world = await makeWorld();
});

describe("peer-flag visibility: after the student's own first flag (the default)", () => {
  it("hides Ana's flag from Ben through every route until Ben flags something himself", async () => {
    const { annotation } = await flag(world.users.ana.id, "1995", "1955");
    const ben = world.users.ben.id;
    const list = await findAnnotations({ viewerId: ben, assignmentId: world.assignmentA.id });
    expect(list.peerFlagsVisible).toBe(false);
    expect(list.annotations.some((a) => a.id === annotation.id)).toBe(false);
    expect(await codeOf(findAnnotation({ viewerId: ben, annotationId: annotation.id }))).toBe("not_found");
    expect(await codeOf(voteOnFlag({ viewerId: ben, annotationId: annotation.id, value: "agree" }))).toBe("not_found");
    const reply = createReply({ viewerId: ben, annotationId: annotation.id, input: { id: randomUUID(), body: richTextFromPlain("me too") } });
    expect(await codeOf(reply)).toBe("not_found");
    // The teacher sees it at once.
    expect(await codeOf(findAnnotation({ viewerId: world.users.teacher.id, annotationId: annotation.id }))).toBe("ok");

    await flag(ben, "Part Congress", "Party Congress", { category: "term_spelling" });
    const after = await findAnnotations({ viewerId: ben, assignmentId: world.assignmentA.id });
    expect(after.peerFlagsVisible).toBe(true);
    expect(after.annotations.some((a) => a.id === annotation.id)).toBe(true);
  });

  it("'always' shows peers' flags at once; 'after due' only once the due date passed", async () => {
    const { annotation } = await flag(world.users.ana.id, "Trotsky", "Trotsky", { category: "name_place" });
    const newcomer = await makeUser("Newcomer");
    await db.membership.create({ data: { userId: newcomer.id, classroomId: world.assignmentA.classroomId, role: "student" } });
    const sees = async () => (await codeOf(findAnnotation({ viewerId: newcomer.id, annotationId: annotation.id }))) === "ok";

    await db.assignment.update({ where: { id: world.assignmentA.id }, data: { peerFlagVisibility: "always" } });
    expect(await sees()).toBe(true);
    await db.assignment.update({ where: { id: world.assignmentA.id }, data: { peerFlagVisibility: "after_due" } });
    expect(await sees()).toBe(false);
    await db.assignment.update({ where: { id: world.assignmentA.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    expect(await sees()).toBe(true);
    await db.assignment.update({
      where: { id: world.assignmentA.id },
      data: { peerFlagVisibility: "after_own_flag", dueAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await sees()).toBe(false);
  });
});

describe("the flag lifecycle", () => {
  it("records every status change in the audit trail: who, from, to, why", async () => {
    const { annotation } = await flag(world.users.ana.id, "Desalinization", "De-Stalinization", { category: "term_spelling" });
    const teacher = world.users.teacher.id;
    await reviewFlag({ viewerId: teacher, annotationId: annotation.id, input: { status: "needs_evidence", reason: "Cite a textbook." } });
    await editFlag({
      viewerId: world.users.ana.id,
      annotationId: annotation.id,
      input: { version: 1, evidence: [{ title: "The Soviet Union 1917-1991", author: "Martin McCauley", year: "1993", url: null, locator: "ch. 9", quote: "" }] },
    });
    const verified = await reviewFlag({
      viewerId: teacher,
      annotationId: annotation.id,
      input: { status: "verified", reason: "", correction: "de-Stalinization" },
    });
    expect(verified.flag).toMatchObject({ status: "verified", correction: "de-Stalinization" });
    expect(verified.flag?.evidence.map((e) => e.title)).toEqual(["The Soviet Union 1917-1991"]);
    expect(verified.flag?.audit.map((a) => [a.action, a.from, a.to])).toEqual([
      ["created", null, "open"],
      ["status", "open", "needs_evidence"],
      ["resubmitted", "needs_evidence", "open"],
      ["status", "open", "verified"],
      ["correction", "De-Stalinization", "de-Stalinization"],
    ]);
    expect(verified.flag?.audit[1]).toMatchObject({ reason: "Cite a textbook.", actor: { name: "Teacher A" } });
  });

  it("lets the author see a rejection's reason, and refuses review by students and edits after review", async () => {
    const { annotation } = await flag(world.users.ben.id, "modest attack", "modest attack", { category: "loaded_language" });
    expect(await codeOf(reviewFlag({ viewerId: world.users.ana.id, annotationId: annotation.id, input: { status: "verified", reason: "" } }))).toBe(
      "forbidden",
    );
    await reviewFlag({ viewerId: world.users.teacher.id, annotationId: annotation.id, input: { status: "rejected", reason: "“Modest” is the commission's own word." } });
    const seen = await findAnnotation({ viewerId: world.users.ben.id, annotationId: annotation.id });
    expect(seen.annotation.flag).toMatchObject({ status: "rejected", statusReason: "“Modest” is the commission's own word." });
    expect(await codeOf(editFlag({ viewerId: world.users.ben.id, annotationId: annotation.id, input: { version: 1, correction: "x" } }))).toBe("conflict");
  });

  it("refuses evidence links that are not http(s) and a missing rationale", async () => {
    const { createFlagSchema } = await import("@/lib/validation/flag");
    const bad = createFlagSchema.safeParse({ ...flagInput("1953", "1953"), evidence: [{ title: "x", url: "javascript:alert(1)" }] });
    expect(bad.success).toBe(false);
    expect(await codeOf(flag(world.users.ana.id, "1953", "1953", { rationale: undefined }))).toBe("invalid");
  });
});

describe("votes", () => {
  it("allows one vote per student, changeable, and not on your own flag or by a teacher", async () => {
    const { annotation } = await flag(world.users.ana.id, "February of 1956", "February 1956", { category: "date_number" });
    const ben = world.users.ben.id;
    await voteOnFlag({ viewerId: ben, annotationId: annotation.id, value: "agree", reason: "Yes" });
    await voteOnFlag({ viewerId: ben, annotationId: annotation.id, value: "agree" });
    let seen = await voteOnFlag({ viewerId: ben, annotationId: annotation.id, value: "disagree", reason: "Actually fine" });
    expect(seen.flag?.votes).toEqual({ agree: 0, disagree: 1 });
    expect(seen.flag?.myVote).toEqual({ value: "disagree", reason: "Actually fine" });
    expect(await db.flagVote.count({ where: { flagId: annotation.id } })).toBe(1);
    seen = await voteOnFlag({ viewerId: ben, annotationId: annotation.id, value: null });
    expect(seen.flag?.votes).toEqual({ agree: 0, disagree: 0 });
    expect(await codeOf(voteOnFlag({ viewerId: world.users.ana.id, annotationId: annotation.id, value: "agree" }))).toBe("forbidden");
    expect(await codeOf(voteOnFlag({ viewerId: world.users.teacher.id, annotationId: annotation.id, value: "agree" }))).toBe("forbidden");
  });
});

describe("merging duplicates", () => {
  it("merges a flag on the same span with the same correction and keeps both finders credited", async () => {
    const first = await flag(world.users.ana.id, "between 1924 and 1953", "between 1934 and 1953");
    const second = await flag(world.users.ben.id, "between 1924 and 1953", " between 1934  and 1953 ");
    const other = await flag(world.users.ben.id, "between 1924 and 1953", "between 1924 and 1956");
    const teacher = world.users.teacher.id;
    expect(await codeOf(mergeFlags({ viewerId: teacher, annotationId: other.annotation.id, intoId: first.annotation.id }))).toBe("invalid");
    expect(await codeOf(mergeFlags({ viewerId: world.users.ana.id, annotationId: second.annotation.id, intoId: first.annotation.id }))).toBe(
      "forbidden",
    );
    const { annotation: target, merged: answered } = await mergeFlags({ viewerId: teacher, annotationId: second.annotation.id, intoId: first.annotation.id });
    expect(target.flag?.finders.map((f) => f.name).sort()).toEqual(["Ana", "Ben"]);
    const merged = await findAnnotation({ viewerId: teacher, annotationId: second.annotation.id });
    expect(merged.annotation.flag).toMatchObject({ status: "merged", mergedIntoId: first.annotation.id });
    // The answer carries the merged flag as it now stands (its new version is what an undo sends).
    expect(answered.flag).toEqual(merged.annotation.flag);
    expect(target.flag?.audit.at(-1)).toMatchObject({ action: "merged-in" });
  });

  it("tells a student nothing of a teacher-only duplicate merged into their flag: not its id, nor its finder", async () => {
    const { ana, ben, teacher } = world.users;
    const anas = await flag(ana.id, "Molotov and Malenkov", "Molotov, Malenkov and Kaganovich");
    const bens = await flag(ben.id, "Molotov and Malenkov", "Molotov, Malenkov and Kaganovich", { scope: "teachers" });
    await mergeFlags({ viewerId: teacher.id, annotationId: bens.annotation.id, intoId: anas.annotation.id });

    const seenByAna = (await findAnnotation({ viewerId: ana.id, annotationId: anas.annotation.id })).annotation;
    expect(JSON.stringify(seenByAna)).not.toContain(bens.annotation.id);
    expect(seenByAna.flag?.finders.map((f) => f.name)).toEqual(["Ana"]);
    expect(seenByAna.flag?.audit.at(-1)).toMatchObject({ action: "merged-in", reason: "Merged from another flag" });
    const seenByTeacher = (await findAnnotation({ viewerId: teacher.id, annotationId: anas.annotation.id })).annotation;
    expect(seenByTeacher.flag?.finders.map((f) => f.name).sort()).toEqual(["Ana", "Ben"]);
    expect(seenByTeacher.flag?.audit.at(-1)?.reason).toBe(`Merged from ${bens.annotation.id}`);
  });

  it("tells a student nothing of the teacher-only flag theirs was merged into", async () => {
    const { ana, ben, teacher } = world.users;
    const anas = await flag(ana.id, "Twentieth Part Congress", "Twentieth Party Congress", { category: "term_spelling" });
    const bens = await flag(ben.id, "Twentieth Part Congress", "Twentieth Party Congress", { category: "term_spelling", scope: "teachers" });
    await mergeFlags({ viewerId: teacher.id, annotationId: anas.annotation.id, intoId: bens.annotation.id });

    const seenByAna = (await findAnnotation({ viewerId: ana.id, annotationId: anas.annotation.id })).annotation;
    expect(JSON.stringify(seenByAna)).not.toContain(bens.annotation.id);
    expect(seenByAna.flag).toMatchObject({ status: "merged", mergedIntoId: null });
    expect(seenByAna.flag?.audit.at(-1)).toMatchObject({ action: "merged", reason: "Merged into another flag" });
    const seenByTeacher = (await findAnnotation({ viewerId: teacher.id, annotationId: anas.annotation.id })).annotation;
    expect(seenByTeacher.flag?.mergedIntoId).toBe(bens.annotation.id);
  });
});
