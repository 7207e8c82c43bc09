import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { richTextFromPlain } from "@/lib/rich-text";
import { createFlag } from "@/lib/server/flags/create-flag";
import { mergeFlags, reviewFlag } from "@/lib/server/flags/review-flag";
import { codeOf } from "../support/error-code";
import { makeUser, makeWorld, select } from "../support/world";

let world: Awaited<ReturnType<typeof makeWorld>>;

/** A student's flag on “between 1924 and 1953” proposing “between 1934 and 1953”: every call a duplicate of the last. */
async function duplicateFlag(viewerId: string) {
  const { annotation } = await createFlag({
    viewerId,
    assignmentId: world.assignmentA.id,
    input: {
      id: randomUUID(),
      scope: "class",
      ...select(world.revision.text, "between 1924 and 1953"),
      category: "date_number",
      correction: "between 1934 and 1953",
      rationale: richTextFromPlain("The Great Purge began in 1934."),
      evidence: [],
      tags: [],
    },
  });
  return annotation.id;
}

const flagRow = (id: string) => db.flag.findUniqueOrThrow({ where: { annotationId: id } });
const auditCount = (id: string) => db.auditEvent.count({ where: { entityType: "flag", entityId: id, action: { not: "created" } } });
const codeOfSettled = (r: PromiseSettledResult<unknown>) => (r.status === "fulfilled" ? "ok" : r.reason instanceof AppError ? r.reason.code : String(r.reason));

beforeAll(async () => {
  world = await makeWorld();
});

describe("teachers' decisions on flags under concurrency (real transactions)", () => {
  it("of two merges racing A into B and B into A, one wins and the other gets 409: never a cycle", async () => {
    for (let round = 0; round < 4; round += 1) {
      const [a, b] = [await duplicateFlag(world.users.ana.id), await duplicateFlag(world.users.ben.id)];
      const teacher = world.users.teacher.id;
      const results = await Promise.allSettled([
        mergeFlags({ viewerId: teacher, annotationId: a, intoId: b }),
        mergeFlags({ viewerId: teacher, annotationId: b, intoId: a }),
      ]);
      expect(results.map(codeOfSettled).sort()).toEqual(["conflict", "ok"]);
      const rows = await Promise.all([flagRow(a), flagRow(b)]);
      expect(rows.filter((r) => r.status === "merged")).toHaveLength(1);
      expect(rows.filter((r) => r.mergedIntoId !== null)).toHaveLength(1);
      // One merge's two audit entries, not two merges' four.
      expect((await auditCount(a)) + (await auditCount(b))).toBe(2);
    }
  });

  it("refuses a decision made on a stale version with 409 and a sentence, and writes nothing", async () => {
    const id = await duplicateFlag(world.users.ana.id);
    const teacher = world.users.teacher.id;
    const first = await reviewFlag({ viewerId: teacher, annotationId: id, input: { status: "needs_evidence", reason: "Cite a source.", version: 1 } });
    expect(first.flag?.reviewVersion).toBe(2);
    const stale = await reviewFlag({ viewerId: teacher, annotationId: id, input: { status: "rejected", reason: "Wrong.", version: 1 } }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect([(stale as AppError).code, (stale as AppError).message]).toEqual(["conflict", expect.stringMatching(/changed meanwhile.*Reload/)]);
    expect(await flagRow(id)).toMatchObject({ status: "needs_evidence", reviewVersion: 2 });
    expect(await auditCount(id)).toBe(1);
    // A merge on the stale view is refused the same way.
    const other = await duplicateFlag(world.users.ben.id);
    expect(await codeOf(mergeFlags({ viewerId: teacher, annotationId: id, intoId: other, version: 1 }))).toBe("conflict");
    expect((await flagRow(id)).status).toBe("needs_evidence");
  });

  it("lets exactly one of two teachers deciding on the same version win", async () => {
    const coTeacher = await makeUser("Co-teacher");
    await db.membership.create({ data: { userId: coTeacher.id, classroomId: world.assignmentA.classroomId, role: "teacher" } });
    const id = await duplicateFlag(world.users.ana.id);
    const results = await Promise.allSettled([
      reviewFlag({ viewerId: world.users.teacher.id, annotationId: id, input: { status: "verified", reason: "", version: 1 } }),
      reviewFlag({ viewerId: coTeacher.id, annotationId: id, input: { status: "rejected", reason: "Not an error.", version: 1 } }),
    ]);
    expect(results.map(codeOfSettled).sort()).toEqual(["conflict", "ok"]);
    expect((await flagRow(id)).reviewVersion).toBe(2);
    expect(await auditCount(id)).toBe(1);
  });

  it("checks access in the write: a teacher removed from the class while waiting for the row gets 404 and changes nothing", async () => {
    const leaving = await makeUser("Leaving teacher");
    const membership = await db.membership.create({ data: { userId: leaving.id, classroomId: world.assignmentA.classroomId, role: "teacher" } });
    const id = await duplicateFlag(world.users.ana.id);
    let release!: () => void;
    let held!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    // Another transaction holds the flag's row, so the review waits between its read and its write.
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`select 1 from flags where "annotationId" = ${id} for update`;
      held();
      await gate;
    }, { timeout: 20_000 });
    await isHeld;
    const review = codeOf(reviewFlag({ viewerId: leaving.id, annotationId: id, input: { status: "verified", reason: "", version: 1 } }));
    await sleep(300);
    await db.membership.delete({ where: { id: membership.id } });
    release();
    await holder;
    expect(await review).toBe("not_found");
    expect(await flagRow(id)).toMatchObject({ status: "open", reviewVersion: 1 });
    expect(await auditCount(id)).toBe(0);
  });
});
