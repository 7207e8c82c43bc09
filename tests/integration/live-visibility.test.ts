import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { removeStudent } from "@/lib/server/classes/class-writes";
import { audienceScope } from "@/lib/server/live/hearing";
import { liveHub } from "@/lib/server/live/live-hub";
import { readListenerStanding } from "@/lib/server/live/listener-access";
import { makeUser, makeWorld, select } from "../support/world";

type World = Awaited<ReturnType<typeof makeWorld>>;
type Scope = "private" | "class" | "teachers";
type State = "plain" | "hidden" | "deleted" | "deleted, live reply" | "merged";

const SCOPES: Scope[] = ["private", "class", "teachers"];
const STATES: State[] = ["plain", "hidden", "deleted", "deleted, live reply", "merged"];
const SETTINGS = [
  { peerFlagVisibility: "always", pastDue: false, grouped: false },
  { peerFlagVisibility: "after_own_flag", pastDue: false, grouped: false },
  { peerFlagVisibility: "after_due", pastDue: true, grouped: false },
  { peerFlagVisibility: "after_due", pastDue: false, grouped: false },
  // Small groups: Ana and Cara in one group, Ben in another ("class" means "my group").
  { peerFlagVisibility: "always", pastDue: false, grouped: true },
] as const;
/** Per grouped assignment: the author → group their rows are filed under. */
const groupOf = new Map<string, Map<string, string>>();

let world: World;
/** Per generated assignment: the ids of the rows generated on it. */
const generated = new Map<string, string[]>();
let viewers: Record<string, string>;
const tokens = new Map<string, string>();

/** One annotation row in the given state, and its change-log entry written with the audience it had. */
async function insertCase(
  assignmentId: string,
  authorId: string,
  kind: "comment" | "flag",
  scope: Scope,
  state: State,
  classmateId: string,
  mergeTarget?: string,
  guide?: { answerers: string[] },
) {
  const id = randomUUID();
  const { quote, position } = select(world.revision.text, "secret speech");
  const hiddenAt = state === "hidden" ? new Date() : null;
  const groupId = groupOf.get(assignmentId)?.get(authorId) ?? null;
  await db.annotation.create({
    data: {
      id,
      assignmentId,
      groupId,
      authorId,
      revisionId: world.revision.id,
      kind,
      scope,
      ...quote,
      startCp: position.start,
      endCp: position.end,
      hiddenAt,
      deletedAt: state.startsWith("deleted") ? new Date() : null,
      ...(guide ? { guide: "question" as const } : {}),
      ...(kind === "flag"
        ? {
            flag: {
              create: {
                category: "date_number",
                correction: "1956",
                ...(state === "merged" ? { status: "merged", mergedIntoId: mergeTarget } : {}),
                ...(state === "plain" ? { votes: { create: { voterId: classmateId, value: "agree", reason: "Right" } } } : {}),
              },
            },
          }
        : {}),
      // A classmate's live reply and vote: their names are what anonymity must hide in the thread.
      ...(state === "deleted, live reply" || (state === "plain" && !guide) ? { replies: { create: { id: randomUUID(), authorId: classmateId, body: {} } } } : {}),
    },
  });
  const audience = audienceScope({ scope, hiddenAt, guide: guide ? "question" : null });
  await db.changeEvent.create({
    data: { assignmentId, type: "annotation.updated", entityId: id, actorId: authorId, scope: audience, ownerId: authorId, kind, groupId },
  });
  // A guide's answers: one per answerer (filed under their group), the last one's deleted; each logged, as the app does.
  for (const [i, answerer] of (guide?.answerers ?? []).entries()) {
    const replyId = randomUUID();
    const isDeleted = i === guide!.answerers.length - 1;
    const replyGroup = groupOf.get(assignmentId)?.get(answerer) ?? null;
    await db.reply.create({ data: { id: replyId, annotationId: id, authorId: answerer, body: {}, groupId: replyGroup, deletedAt: isDeleted ? new Date() : null } });
    await db.changeEvent.create({
      data: { assignmentId, type: isDeleted ? "reply.deleted" : "reply.created", entityId: replyId, actorId: answerer, scope: audience, ownerId: authorId, kind, groupId },
    });
  }
  return id;
}

beforeAll(async () => {
  world = await makeWorld();
  const { teacher, ana, ben, otherTeacher } = world.users;
  const [cara, rita] = await Promise.all([makeUser("Cara"), makeUser("Rita Removed")]);
  const classroomId = world.assignmentA.classroomId;
  await db.membership.createMany({ data: [cara, rita].map((u) => ({ userId: u.id, classroomId, role: "student" as const })) });
  viewers = { author: ana.id, classmate: ben.id, "classmate with a flag": cara.id, teacher: teacher.id, "other class's teacher": otherTeacher.id, removed: rita.id };
  for (const userId of Object.values(viewers)) {
    const sessionToken = randomUUID();
    await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 3_600_000) } });
    tokens.set(userId, sessionToken);
  }
  for (const setting of SETTINGS) {
    for (const anonymousPeers of [false, true]) {
      const dueAt = new Date(Date.now() + (setting.pastDue ? -1 : 1) * 86_400_000);
      const { id } = await db.assignment.create({
        data: { classroomId, essayId: world.essay.id, dueAt, peerFlagVisibility: setting.peerFlagVisibility, anonymousPeers },
      });
      if (setting.grouped) groupOf.set(id, await splitForTest(classroomId, id, [[ana.id, cara.id], [ben.id]]));
      const ids = [await insertCase(id, cara.id, "flag", "class", "plain", ben.id)];
      for (const authorId of [ana.id, teacher.id]) {
        for (const kind of ["comment", "flag"] as const) {
          for (const scope of SCOPES) {
            for (const state of STATES) {
              if (state === "merged" && kind !== "flag") continue;
              ids.push(await insertCase(id, authorId, kind, scope, state, cara.id, ids[0]));
            }
          }
        }
      }
      // Guiding questions: answers by the author, a classmate of another group and one of the same; whose answers
      // each viewer sees follows the guide's scope and groups (REPLY_VISIBILITY_RULE).
      for (const scope of ["class", "teachers"] as const) {
        for (const state of ["plain", "hidden", "deleted", "deleted, live reply"] as const) {
          ids.push(await insertCase(id, teacher.id, "comment", scope, state, cara.id, undefined, { answerers: [ana.id, ben.id, cara.id, teacher.id, ben.id] }));
        }
      }
      generated.set(id, ids);
    }
  }
  await removeStudent({ viewerId: teacher.id, classroomId, userId: rita.id });
});

/** An assignment's own groups, straight in the database; returns each member's group (their rows are filed under it). */
async function splitForTest(classroomId: string, assignmentId: string, groups: string[][]): Promise<Map<string, string>> {
  const set = await db.groupSet.create({
    data: { classroomId, assignmentId, ownerKey: `assignment:${assignmentId}`, groups: { create: { name: "Not in a group", position: -1, isUnplaced: true } } },
  });
  await db.assignment.update({ where: { id: assignmentId }, data: { groupSetId: set.id } });
  const byUser = new Map<string, string>();
  for (const [position, members] of groups.entries()) {
    const group = await db.studentGroup.create({ data: { setId: set.id, name: `Group ${position + 1}`, position } });
    await db.groupMember.createMany({ data: members.map((userId) => ({ setId: set.id, groupId: group.id, userId })) });
    for (const userId of members) byUser.set(userId, group.id);
  }
  return byUser;
}

/** What the list shows the viewer of the generated rows, by id (nothing at all for a non-member). */
async function listed(viewerId: string, assignmentId: string): Promise<Map<string, AnnotationDTO>> {
  const ids = new Set(generated.get(assignmentId));
  const list = await findAnnotations({ viewerId, assignmentId }).catch(() => ({ annotations: [] }));
  return new Map(list.annotations.filter((a) => ids.has(a.id)).map((a) => [a.id, a]));
}

/**
 * What a live stream replaying the whole log sends the viewer of the
 * generated rows: the threads it carries (as DTOs, without their log
 * position), the threads it tells them to drop, and whether it closed.
 */
async function heard(viewerId: string, assignmentId: string) {
  const ids = new Set(generated.get(assignmentId));
  const threads = new Map<string, AnnotationDTO>();
  const dropped: string[] = [];
  let closed = false;
  const unsubscribe = await liveHub.subscribe(assignmentId, {
    viewerId,
    lastId: BigInt(0),
    standing: () => readListenerStanding({ sessionToken: tokens.get(viewerId)!, viewerId, assignmentId }),
    send: (e) => {
      if (!e.thread || !ids.has(e.thread.id)) return;
      if (!e.thread.annotation) return void dropped.push(e.thread.id);
      const { asOf, ...annotation } = e.thread.annotation;
      expect(BigInt(asOf!)).toBeGreaterThanOrEqual(BigInt(e.id));
      threads.set(e.thread.id, annotation);
    },
    reset: () => {
      throw new Error("unexpected reset");
    },
    close: () => (closed = true),
  });
  unsubscribe();
  return { threads, dropped, closed };
}

describe("the live filter and the list query use one visibility rule and one DTO mapping", () => {
  it("agree for every audience, viewer, state, kind, peer-flag setting and anonymity, down to every field of the item", async () => {
    let compared = 0;
    let shown = 0;
    let drops = 0;
    for (const assignmentId of generated.keys()) {
      for (const [kind, viewerId] of Object.entries(viewers)) {
        const [list, live] = await Promise.all([listed(viewerId, assignmentId), heard(viewerId, assignmentId)]);
        const sorted = (m: Map<string, AnnotationDTO>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
        // The same items, and each one exactly as the list shows it (author labels, votes, merges, replies).
        expect({ kind, assignmentId, live: sorted(live.threads) }).toEqual({ kind, assignmentId, live: sorted(list) });
        // A drop only ever names a thread the list does not show them.
        expect({ kind, dropsShown: live.dropped.filter((id) => list.has(id)) }).toEqual({ kind, dropsShown: [] });
        const isMember = !["other class's teacher", "removed"].includes(kind);
        expect({ kind, closed: live.closed }).toEqual({ kind, closed: !isMember });
        compared += generated.get(assignmentId)!.length;
        shown += list.size;
        drops += live.dropped.length;
      }
    }
    // The cases are not trivially all-visible or all-hidden, and some heard threads are out of sight now.
    expect(compared).toBe(10 * 6 * 63);
    expect(shown).toBeGreaterThan(compared / 5);
    expect(shown).toBeLessThan(compared / 2);
    expect(drops).toBeGreaterThan(0);
  });

  it("in a group assignment, a class comment reaches the author's group and the teachers, not another group, through the list and the stream alike", async () => {
    const { ana, ben, teacher } = world.users;
    const grouped = [...groupOf.keys()];
    expect(grouped.length).toBe(2);
    for (const assignmentId of grouped) {
      const anasClass = await db.annotation.findMany({ where: { id: { in: generated.get(assignmentId) }, authorId: ana.id, scope: "class", hiddenAt: null, deletedAt: null } });
      expect(anasClass.length).toBeGreaterThan(0);
      const cara = [...groupOf.get(assignmentId)!.keys()].find((id) => id !== ana.id && id !== ben.id)!;
      for (const [viewerId, sees] of [[cara, true], [ben.id, false], [teacher.id, true]] as const) {
        const [list, live] = await Promise.all([listed(viewerId, assignmentId), heard(viewerId, assignmentId)]);
        for (const row of anasClass) {
          expect({ viewerId, id: row.id, list: list.has(row.id), live: live.threads.has(row.id) }).toEqual({ viewerId, id: row.id, list: sees, live: sees });
        }
      }
      // The teacher's own class comments carry no group: both groups see them.
      const teachers = await db.annotation.findMany({ where: { id: { in: generated.get(assignmentId) }, authorId: teacher.id, scope: "class", kind: "comment", hiddenAt: null, deletedAt: null } });
      expect(teachers.length).toBeGreaterThan(0);
      for (const row of teachers) expect((await listed(ben.id, assignmentId)).has(row.id)).toBe(true);
    }
  });
});
