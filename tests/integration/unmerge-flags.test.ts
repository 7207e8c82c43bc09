import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { richTextFromPlain } from "@/lib/rich-text";
import { findAnnotation } from "@/lib/server/annotations/find-annotations";
import { createFlag } from "@/lib/server/flags/create-flag";
import { mergeFlags, reviewFlag } from "@/lib/server/flags/review-flag";
import { reviewFlags } from "@/lib/server/flags/review-flags";
import { unmergeFlag } from "@/lib/server/flags/unmerge-flag";
import { codeOf } from "../support/error-code";
import { makeUser, makeWorld, select } from "../support/world";

let world: Awaited<ReturnType<typeof makeWorld>>;

/**
 * A student's flag on `words` proposing `correction`: every call on the same
 * words and correction is a duplicate of the last. Each test takes its own
 * words, so findings never mix between tests.
 */
async function flagOn(viewerId: string, words: string, correction: string, scope: "class" | "teachers" = "class") {
  const { annotation } = await createFlag({
    viewerId,
    assignmentId: world.assignmentA.id,
    input: {
      id: randomUUID(),
      scope,
      ...select(world.revision.text, words),
      category: "term_spelling",
      correction,
      rationale: richTextFromPlain("A slip."),
      evidence: [],
      tags: [],
    },
  });
  return annotation.id;
}

const flagRow = (id: string) => db.flag.findUniqueOrThrow({ where: { annotationId: id } });
const creditNames = async (id: string) =>
  (await db.flagCredit.findMany({ where: { flagId: id }, include: { user: { select: { name: true } } } })).map((c) => c.user.name).sort();
const auditActions = async (id: string) =>
  (await db.auditEvent.findMany({ where: { entityType: "flag", entityId: id, action: { not: "created" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((a) => a.action);
const codeOfSettled = (r: PromiseSettledResult<unknown>) => (r.status === "fulfilled" ? "ok" : r.reason instanceof AppError ? r.reason.code : String(r.reason));

beforeAll(async () => {
  world = await makeWorld();
});

describe("undoing a merge (real PostgreSQL)", () => {
  it("gives the duplicate back the status it had, takes its finder off the target, and audits both flags in one go", async () => {
    const { ana, ben, teacher } = world.users;
    const anas = await flagOn(ana.id, "Part Congress", "Party Congress");
    const bens = await flagOn(ben.id, "Part Congress", "Party Congress");
    await reviewFlag({ viewerId: teacher.id, annotationId: bens, input: { status: "needs_evidence", reason: "Which congress?", version: 1 } });
    const merged = await mergeFlags({ viewerId: teacher.id, annotationId: bens, intoId: anas, version: 2 });
    expect(merged.annotation.flag?.finders.map((f) => f.name).sort()).toEqual(["Ana", "Ben"]);
    expect(merged.merged.flag).toMatchObject({ status: "merged", reviewVersion: 3 });
    const eventsBefore = await db.changeEvent.count({ where: { entityId: { in: [anas, bens] } } });

    const { annotation, target } = await unmergeFlag({ viewerId: teacher.id, annotationId: bens, version: merged.merged.flag!.reviewVersion });

    expect(annotation.flag).toMatchObject({ status: "needs_evidence", statusReason: "Which congress?", mergedIntoId: null, reviewVersion: 4 });
    expect(annotation.flag?.finders.map((f) => f.name)).toEqual(["Ben"]);
    expect(target.flag?.finders.map((f) => f.name)).toEqual(["Ana"]);
    expect(await creditNames(anas)).toEqual(["Ana"]);
    expect(await creditNames(bens)).toEqual(["Ben"]);
    expect((await flagRow(anas)).reviewVersion).toBe(3);
    expect(await auditActions(bens)).toEqual(["status", "merged", "unmerged"]);
    expect(await auditActions(anas)).toEqual(["merged-in", "unmerged-out"]);
    const undo = await db.auditEvent.findFirstOrThrow({ where: { entityId: bens, action: "unmerged" } });
    expect(undo).toMatchObject({ actorId: teacher.id, fromState: "merged", toState: "needs_evidence" });
    // Live readers hear of both flags, from the same transaction.
    expect(await db.changeEvent.count({ where: { entityId: { in: [anas, bens] } } })).toBe(eventsBefore + 2);
    // The trail reads as words for the teacher.
    expect(annotation.flag?.audit.at(-1)).toMatchObject({ action: "unmerged", from: "merged", to: "needs_evidence" });

    // Merged again and undone again: the latest merge's starting status is what comes back.
    await reviewFlag({ viewerId: teacher.id, annotationId: bens, input: { status: "verified", reason: "", version: 4 } });
    await mergeFlags({ viewerId: teacher.id, annotationId: bens, intoId: anas, version: 5 });
    expect((await unmergeFlag({ viewerId: teacher.id, annotationId: bens })).annotation.flag?.status).toBe("verified");
  });

  it("keeps the credits the target is owed through other flags, and takes back those the duplicate brought from its own duplicates", async () => {
    const { ana, ben, teacher } = world.users;
    const chloe = await makeUser("Chloe");
    await db.membership.create({ data: { userId: chloe.id, classroomId: world.assignmentA.classroomId, role: "student" } });
    const words = "Join now!";
    const anas = await flagOn(ana.id, words, "");
    const bens = await flagOn(ben.id, words, "");
    const bensAgain = await flagOn(ben.id, words, "");
    const chloes = await flagOn(chloe.id, words, "");
    // Chloe's duplicate is merged into Ben's first, and Ben's then into Ana's: Ana's flag now credits Ana, Ben and Chloe.
    await mergeFlags({ viewerId: teacher.id, annotationId: chloes, intoId: bens });
    await mergeFlags({ viewerId: teacher.id, annotationId: bens, intoId: anas });
    // Ben's second flag adds no new finder (Ben is credited already): the merge skips that credit.
    await mergeFlags({ viewerId: teacher.id, annotationId: bensAgain, intoId: anas });
    expect(await creditNames(anas)).toEqual(["Ana", "Ben", "Chloe"]);

    await unmergeFlag({ viewerId: teacher.id, annotationId: bens });
    // Chloe came with Ben's flag and goes with it; Ben stays, owed through his second flag.
    expect(await creditNames(anas)).toEqual(["Ana", "Ben"]);
    expect(await creditNames(bens)).toEqual(["Ben", "Chloe"]);
    expect((await flagRow(chloes)).mergedIntoId).toBe(bens);

    await unmergeFlag({ viewerId: teacher.id, annotationId: bensAgain });
    expect(await creditNames(anas)).toEqual(["Ana"]);
    expect((await findAnnotation({ viewerId: teacher.id, annotationId: anas })).annotation.flag?.finders.map((f) => f.name)).toEqual(["Ana"]);
  });

  it("refuses a stale version, a flag that is not merged, and a target merged in turn, with 409 and nothing written", async () => {
    const { ana, ben, teacher } = world.users;
    const chloe = await makeUser("Chloe B");
    await db.membership.create({ data: { userId: chloe.id, classroomId: world.assignmentA.classroomId, role: "student" } });
    const words = "Authors Avatar";
    const [anas, bens, chloes] = [await flagOn(ana.id, words, ""), await flagOn(ben.id, words, ""), await flagOn(chloe.id, words, "")];
    expect(await codeOf(unmergeFlag({ viewerId: teacher.id, annotationId: bens }))).toBe("conflict");

    const { merged } = await mergeFlags({ viewerId: teacher.id, annotationId: bens, intoId: anas, version: 1 });
    expect(await codeOf(unmergeFlag({ viewerId: teacher.id, annotationId: bens, version: 1 }))).toBe("conflict");
    expect(await flagRow(bens)).toMatchObject({ status: "merged", mergedIntoId: anas, reviewVersion: merged.flag!.reviewVersion });

    // Ana's flag is then merged into Chloe's: Ben's merge cannot be undone until that one is.
    await mergeFlags({ viewerId: teacher.id, annotationId: anas, intoId: chloes });
    const refused = await unmergeFlag({ viewerId: teacher.id, annotationId: bens }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect([(refused as AppError).code, (refused as AppError).message]).toEqual(["conflict", expect.stringMatching(/Undo that merge first/)]);
    expect(await creditNames(chloes)).toEqual(["Ana", "Ben", "Chloe B"]);
    expect(await auditActions(bens)).toEqual(["merged"]);

    await unmergeFlag({ viewerId: teacher.id, annotationId: anas });
    await unmergeFlag({ viewerId: teacher.id, annotationId: bens });
    expect(await creditNames(chloes)).toEqual(["Chloe B"]);
    expect(await creditNames(anas)).toEqual(["Ana"]);
  });

  it("lets only the class's teachers undo a merge: a student is refused, another class's teacher gets the 404 of a missing flag", async () => {
    const { ana, ben, teacher, otherTeacher } = world.users;
    const anas = await flagOn(ana.id, "handed badly", "handled badly");
    const bens = await flagOn(ben.id, "handed badly", "handled badly");
    await mergeFlags({ viewerId: teacher.id, annotationId: bens, intoId: anas });
    expect(await codeOf(unmergeFlag({ viewerId: ben.id, annotationId: bens }))).toBe("forbidden");
    expect(await codeOf(unmergeFlag({ viewerId: otherTeacher.id, annotationId: bens }))).toBe("not_found");
    expect((await flagRow(bens)).status).toBe("merged");
  });

  it("of two teachers undoing the same merge at once, one wins and the other gets 409: credits and trail record one undo", async () => {
    const coTeacher = await makeUser("Co-teacher", "teacher");
    await db.membership.create({ data: { userId: coTeacher.id, classroomId: world.assignmentA.classroomId, role: "teacher" } });
    const { ana, ben, teacher } = world.users;
    for (let round = 0; round < 3; round += 1) {
      const words = ["forced industrialization", "general brutal nature", "liquidating Trotsky"][round];
      const anas = await flagOn(ana.id, words, `${words}.`);
      const bens = await flagOn(ben.id, words, `${words}.`);
      const { merged } = await mergeFlags({ viewerId: teacher.id, annotationId: bens, intoId: anas });
      const version = merged.flag!.reviewVersion;
      const results = await Promise.allSettled([
        unmergeFlag({ viewerId: teacher.id, annotationId: bens, version }),
        unmergeFlag({ viewerId: coTeacher.id, annotationId: bens, version }),
      ]);
      expect(results.map(codeOfSettled).sort()).toEqual(["conflict", "ok"]);
      expect(await flagRow(bens)).toMatchObject({ status: "open", mergedIntoId: null, reviewVersion: version + 1 });
      expect(await creditNames(anas)).toEqual(["Ana"]);
      expect((await auditActions(bens)).filter((a) => a === "unmerged")).toHaveLength(1);
    }
  });

  it("an undo and a merge of its target racing: whichever locks first wins, and the duplicate's finder is never left credited where it was not merged", async () => {
    const { ana, ben, teacher } = world.users;
    const chloe = await makeUser("Chloe C");
    await db.membership.create({ data: { userId: chloe.id, classroomId: world.assignmentA.classroomId, role: "student" } });
    const words = "investigate Stalin";
    const [anas, bens, chloes] = [await flagOn(ana.id, words, "examine Stalin"), await flagOn(ben.id, words, "examine Stalin"), await flagOn(chloe.id, words, "examine Stalin")];
    await mergeFlags({ viewerId: teacher.id, annotationId: bens, intoId: anas });
    const results = await Promise.allSettled([
      unmergeFlag({ viewerId: teacher.id, annotationId: bens }),
      mergeFlags({ viewerId: teacher.id, annotationId: anas, intoId: chloes }),
    ]);
    const [undo, merge] = results.map(codeOfSettled);
    expect(merge).toBe("ok");
    const bensRow = await flagRow(bens);
    if (undo === "ok") {
      // The undo went first: Ben stands alone and the later merge took only Ana's finders to Chloe's flag.
      expect(bensRow.status).toBe("open");
      expect(await creditNames(chloes)).toEqual(["Ana", "Chloe C"]);
    } else {
      expect(undo).toBe("conflict");
      expect(bensRow.status).toBe("merged");
      expect(await creditNames(chloes)).toEqual(["Ana", "Ben", "Chloe C"]);
    }
  });

  it("checks access in the write: a teacher removed from the class while waiting for the rows gets 404 and changes nothing", async () => {
    const leaving = await makeUser("Leaving teacher", "teacher");
    const membership = await db.membership.create({ data: { userId: leaving.id, classroomId: world.assignmentA.classroomId, role: "teacher" } });
    const { ana, ben, teacher } = world.users;
    const anas = await flagOn(ana.id, "rather, the Stalinist system", "rather the Stalinist system");
    const bens = await flagOn(ben.id, "rather, the Stalinist system", "rather the Stalinist system");
    await mergeFlags({ viewerId: teacher.id, annotationId: bens, intoId: anas });
    let release!: () => void;
    let held!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`select 1 from flags where "annotationId" = ${anas} for update`;
        held();
        await gate;
      },
      { timeout: 20_000 },
    );
    await isHeld;
    const undo = codeOf(unmergeFlag({ viewerId: leaving.id, annotationId: bens }));
    await sleep(300);
    await db.membership.delete({ where: { id: membership.id } });
    release();
    await holder;
    expect(await undo).toBe("not_found");
    expect(await flagRow(bens)).toMatchObject({ status: "merged", mergedIntoId: anas });
    expect(await creditNames(anas)).toEqual(["Ana", "Ben"]);
  });

  it("tells a student nothing of the teacher-only flag theirs was taken out of", async () => {
    const { ana, ben, teacher } = world.users;
    const anas = await flagOn(ana.id, "shocked the delegates", "shocked the delegates.");
    const bens = await flagOn(ben.id, "shocked the delegates", "shocked the delegates.", "teachers");
    await mergeFlags({ viewerId: teacher.id, annotationId: anas, intoId: bens });
    await unmergeFlag({ viewerId: teacher.id, annotationId: anas });
    const seenByAna = (await findAnnotation({ viewerId: ana.id, annotationId: anas })).annotation;
    expect(JSON.stringify(seenByAna)).not.toContain(bens);
    expect(seenByAna.flag?.audit.at(-1)).toMatchObject({ action: "unmerged", reason: "Merged into another flag" });
  });
});

describe("merging into a rejected flag", () => {
  it("is refused with 409 and a sentence: the rejection's reason was written to another student", async () => {
    const { ana, ben, teacher } = world.users;
    const anas = await flagOn(ana.id, "Nonetheless", "Nevertheless");
    const bens = await flagOn(ben.id, "Nonetheless", "Nevertheless");
    await reviewFlag({ viewerId: teacher.id, annotationId: anas, input: { status: "rejected", reason: "Both words are fine." } });
    const refused = await mergeFlags({ viewerId: teacher.id, annotationId: bens, intoId: anas }).catch((e: unknown) => e);
    expect([(refused as AppError).code, (refused as AppError).message]).toEqual(["conflict", expect.stringMatching(/rejected/)]);
    expect((await flagRow(bens)).status).toBe("open");
    // The other way round is a teacher's explicit choice: a rejected duplicate may join an open flag, and an undo restores its rejection.
    await mergeFlags({ viewerId: teacher.id, annotationId: anas, intoId: bens });
    expect((await unmergeFlag({ viewerId: teacher.id, annotationId: anas })).annotation.flag).toMatchObject({ status: "rejected", statusReason: "Both words are fine." });
  });
});

describe("one decision for every flag of a finding", () => {
  it("decides all of them, each with its own audit entry, or none when any was changed since the teacher looked", async () => {
    const { ana, ben, teacher } = world.users;
    const words = "effectively instigated";
    const [anas, bens] = [await flagOn(ana.id, words, "effectively began"), await flagOn(ben.id, words, "effectively began")];
    await reviewFlag({ viewerId: teacher.id, annotationId: bens, input: { status: "needs_evidence", reason: "Source?", version: 1 } });

    const stale = reviewFlags({
      viewerId: teacher.id,
      assignmentId: world.assignmentA.id,
      input: { status: "verified", reason: "", flags: [{ id: anas, version: 1 }, { id: bens, version: 1 }] },
    });
    expect(await codeOf(stale)).toBe("conflict");
    expect((await flagRow(anas)).status).toBe("open");

    const decided = await reviewFlags({
      viewerId: teacher.id,
      assignmentId: world.assignmentA.id,
      input: { status: "verified", reason: "", correction: "effectively started", flags: [{ id: anas, version: 1 }, { id: bens, version: 2 }] },
    });
    expect(decided.map((a) => [a.flag?.status, a.flag?.correction])).toEqual([
      ["verified", "effectively started"],
      ["verified", "effectively started"],
    ]);
    expect(await auditActions(anas)).toEqual(["status", "correction"]);
    expect(await auditActions(bens)).toEqual(["status", "status", "correction"]);
  });

  it("refuses flags of another assignment and students, with nothing written", async () => {
    const { ana, ben, teacher, outsider, otherTeacher } = world.users;
    const anas = await flagOn(ana.id, "central committee", "Central Committee");
    const { annotation: theirs } = await createFlag({
      viewerId: outsider.id,
      assignmentId: world.assignmentB.id,
      input: { id: randomUUID(), scope: "class", ...select(world.revision.text, "central committee"), category: "term_spelling", correction: "Central Committee", rationale: richTextFromPlain("Capitals."), evidence: [], tags: [] },
    });
    const input = { status: "verified" as const, reason: "", flags: [{ id: anas, version: 1 }, { id: theirs.id, version: 1 }] };
    expect(await codeOf(reviewFlags({ viewerId: teacher.id, assignmentId: world.assignmentA.id, input }))).toBe("not_found");
    expect(await codeOf(reviewFlags({ viewerId: otherTeacher.id, assignmentId: world.assignmentB.id, input }))).toBe("not_found");
    expect(await codeOf(reviewFlags({ viewerId: ben.id, assignmentId: world.assignmentA.id, input: { ...input, flags: [{ id: anas, version: 1 }] } }))).toBe(
      "forbidden",
    );
    expect((await flagRow(anas)).status).toBe("open");
    expect((await flagRow(theirs.id)).status).toBe("open");
  });
});
