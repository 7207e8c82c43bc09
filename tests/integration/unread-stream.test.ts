import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { richTextFromPlain } from "@/lib/rich-text";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { openUnreadStream } from "@/lib/server/live/unread-stream";
import { markRead } from "@/lib/server/notifications/find-notifications";
import { createReply } from "@/lib/server/replies/reply-writes";
import { openTestStream, sessionFor } from "../support/live-stream";
import { commentInput, makeUser, makeWorld } from "../support/world";

let world: Awaited<ReturnType<typeof makeWorld>>;
const opened: { hangUp: () => void }[] = [];

beforeAll(async () => {
  world = await makeWorld();
});

afterAll(() => {
  for (const s of opened) s.hangUp();
  delete process.env.LIVE_HEARTBEAT_MS;
});

/** Opens the header's stream as the route does, reading it in the background: the counts it was sent, in order. */
async function openCount(viewerId: string, sessionToken: string) {
  const hangUp = new AbortController();
  const res = await openUnreadStream({ req: new Request("http://localhost/api/notifications/stream", { signal: hangUp.signal }), viewerId, sessionToken });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const state = { text: "", isClosed: false };
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      state.text += decoder.decode(value, { stream: true });
    }
    state.isClosed = true;
  })();
  const stream = {
    /** Every event the stream sent: all must be the viewer's count and nothing else. */
    events: () => state.text.split("\n\n").filter((block) => block.startsWith("event:")),
    counts: () => stream.events().map((block) => (JSON.parse(block.split("\ndata: ")[1]) as { unread: number }).unread),
    isClosed: () => state.isClosed,
    hangUp: () => hangUp.abort(),
  };
  opened.push(stream);
  return stream;
}

describe("the header's live unread count", () => {
  it("a new notification reaches its recipient's open header at once, and nobody else's stream says anything", async () => {
    const { ana, ben, teacher } = world.users;
    // The heartbeat (which counts again too) is 30 s away: whatever arrives sooner was pushed.
    process.env.LIVE_HEARTBEAT_MS = "30000";
    const [anaHeader, benHeader, teacherHeader] = await Promise.all([ana, ben, teacher].map(async (u) => openCount(u.id, await sessionFor(u.id))));
    await expect.poll(() => anaHeader.counts().length).toBe(1);
    const [anaBefore] = anaHeader.counts();
    await expect.poll(() => benHeader.counts().length).toBe(1);
    await expect.poll(() => teacherHeader.counts().length).toBe(1);
    const { annotation } = await createAnnotation({ viewerId: ana.id, assignmentId: world.assignmentA.id, input: commentInput(world.revision.text, "Stalin") });
    const started = Date.now();
    await createReply({ viewerId: ben.id, annotationId: annotation.id, input: { id: randomUUID(), body: richTextFromPlain("Agreed.") } });
    // Well inside the 20 s poll: the push, not the poll.
    await expect.poll(() => anaHeader.counts().at(-1), { timeout: 3_000, interval: 20 }).toBe(anaBefore + 1);
    const latencyMs = Date.now() - started;
    console.log(`[unread-stream] reply → Ana's header: ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(3_000);
    // Ben (the replier) and the teacher were sent nothing more than their own count at opening.
    await new Promise((r) => setTimeout(r, 700));
    expect(benHeader.counts()).toHaveLength(1);
    expect(teacherHeader.counts()).toHaveLength(1);
    for (const s of [anaHeader, benHeader, teacherHeader]) {
      for (const block of s.events()) expect(block).toMatch(/^event: unread\ndata: \{"unread":\d+\}$/);
    }
    // Read in another tab: the header follows.
    await markRead(ana.id, { all: true });
    await expect.poll(() => anaHeader.counts().at(-1), { timeout: 3_000, interval: 20 }).toBe(0);
  });

  it("signing out ends the stream within a heartbeat", async () => {
    process.env.LIVE_HEARTBEAT_MS = "300";
    const cara = await makeUser("Cara");
    const sessionToken = await sessionFor(cara.id);
    const header = await openCount(cara.id, sessionToken);
    await expect.poll(() => header.counts()).toEqual([0]);
    await db.session.delete({ where: { sessionToken } });
    await expect.poll(() => header.isClosed(), { timeout: 3_000 }).toBe(true);
  });

  it("header streams have their own cap: past it a 429 with a sentence, and the reader's live view still opens", async () => {
    const dan = await makeUser("Dan");
    await db.membership.create({ data: { userId: dan.id, classroomId: world.assignmentA.classroomId, role: "student" } });
    const sessionToken = await sessionFor(dan.id);
    for (let i = 0; i < 5; i += 1) await openCount(dan.id, sessionToken);
    const refused = await openCount(dan.id, sessionToken).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("rate_limited");
    expect((refused as AppError).message).toMatch(/checks every 20 seconds instead\.$/);
    const reader = await openTestStream({ viewerId: dan.id, sessionToken, assignmentId: world.assignmentA.id });
    expect(reader.res.status).toBe(200);
    reader.hangUp();
  });
});
