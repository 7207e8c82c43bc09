import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { closeSession } from "@/lib/server/auth/session-store";
import { removeStudent } from "@/lib/server/classes/class-writes";
import { liveHub } from "@/lib/server/live/live-hub";
import { AppError } from "@/lib/errors";
import { openTestStream, sessionFor } from "../support/live-stream";
import { codeOf } from "../support/error-code";
import { commentInput, makeUser, makeWorld } from "../support/world";

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
const opened: Awaited<ReturnType<typeof openTestStream>>[] = [];

/** A new student of class A, signed in. */
async function newStudent(name: string) {
  const user = await makeUser(name);
  await db.membership.create({ data: { userId: user.id, classroomId: world.assignmentA.classroomId, role: "student" } });
  return { user, sessionToken: await sessionFor(user.id) };
}

async function open(viewerId: string, sessionToken: string) {
  const stream = await openTestStream({ viewerId, sessionToken, assignmentId: world.assignmentA.id });
  opened.push(stream);
  return stream;
}

beforeAll(async () => {
  world = await makeWorld();
});

afterEach(() => {
  for (const stream of opened.splice(0)) stream.hangUp();
  delete process.env.LIVE_HEARTBEAT_MS;
  delete process.env.LIVE_STREAMS_PER_USER;
});

describe("an open live stream is re-checked", () => {
  it("closes a removed student's stream on the next heartbeat, and keeps a classmate's open", async () => {
    process.env.LIVE_HEARTBEAT_MS = "300";
    const leaving = await newStudent("Leaving Student");
    const staying = await newStudent("Staying Student");
    const theirs = await open(leaving.user.id, leaving.sessionToken);
    const classmates = await open(staying.user.id, staying.sessionToken);
    expect(await theirs.closesWithin(700)).toBe(false);
    await removeStudent({ viewerId: world.users.teacher.id, classroomId: world.assignmentA.classroomId, userId: leaving.user.id });
    expect(await theirs.closesWithin(5_000)).toBe(true);
    await expect.poll(() => classmates.text.includes(": ping"), { timeout: 5_000 }).toBe(true);
    expect(classmates.isClosed).toBe(false);
  });

  it("closes a signed-out session's stream, not the same user's other session", async () => {
    process.env.LIVE_HEARTBEAT_MS = "300";
    const student = await newStudent("Two Devices");
    const laptop = await open(student.user.id, student.sessionToken);
    const phone = await open(student.user.id, await sessionFor(student.user.id));
    await closeSession(student.sessionToken);
    expect(await laptop.closesWithin(5_000)).toBe(true);
    expect(phone.isClosed).toBe(false);
  });

  it("closes on the next event, before any heartbeat, and sends that event to no one who lost access", async () => {
    process.env.LIVE_HEARTBEAT_MS = "30000";
    const leaving = await newStudent("Leaving On An Event");
    const stream = await open(leaving.user.id, leaving.sessionToken);
    await removeStudent({ viewerId: world.users.teacher.id, classroomId: world.assignmentA.classroomId, userId: leaving.user.id });
    // Past the few seconds a standing is reused for a burst of events.
    await new Promise((r) => setTimeout(r, 2_100));
    const { annotation } = await createAnnotation({
      viewerId: world.users.ana.id,
      assignmentId: world.assignmentA.id,
      input: commentInput(world.revision.text, "secret speech", { comment: "After the removal" }),
    });
    await liveHub.pump(world.assignmentA.id);
    expect(await stream.closesWithin(1_000)).toBe(true);
    expect(stream.text).not.toContain(annotation.id);
  });

  it("refuses a stream that was opened for a non-member, like a missing assignment", async () => {
    const outsider = world.users.outsider.id;
    const sessionToken = await sessionFor(outsider);
    expect(await codeOf(openTestStream({ viewerId: outsider, sessionToken, assignmentId: world.assignmentA.id }))).toBe("not_found");
    expect(await codeOf(openTestStream({ viewerId: outsider, sessionToken, assignmentId: "no-such-assignment" }))).toBe("not_found");
  });
});

describe("live streams per user are capped", () => {
  it("accepts five at once, refuses the sixth with 429 and a sentence, and accepts one again after a tab closes", async () => {
    const student = await newStudent("Many Tabs");
    const tabs = [];
    for (let i = 0; i < 5; i++) tabs.push(await open(student.user.id, student.sessionToken));
    const sixth = await openTestStream({ viewerId: student.user.id, sessionToken: student.sessionToken, assignmentId: world.assignmentA.id }).catch(
      (error: unknown) => error,
    );
    expect(sixth).toBeInstanceOf(AppError);
    expect((sixth as AppError).status).toBe(429);
    expect((sixth as AppError).message).toMatch(/already have 5 live views open/);
    // Another user is not affected.
    const other = await newStudent("Other Reader");
    expect((await open(other.user.id, other.sessionToken)).isClosed).toBe(false);

    tabs[0].hangUp();
    await tabs[0].closesWithin(1_000);
    expect(await codeOf(open(student.user.id, student.sessionToken))).toBe("ok");
  });

  it("follows LIVE_STREAMS_PER_USER", async () => {
    process.env.LIVE_STREAMS_PER_USER = "1";
    const student = await newStudent("One Tab");
    await open(student.user.id, student.sessionToken);
    expect(await codeOf(open(student.user.id, student.sessionToken))).toBe("rate_limited");
  });
});
