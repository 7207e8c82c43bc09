import { beforeAll, describe, expect, it } from "vitest";
import type { ChangeEventDTO } from "@/lib/annotations/types";
import { richTextFromPlain } from "@/lib/rich-text";
import { applyAnswer, applyEvent, applyList, applyThread, startLiveList, type LiveList } from "@/lib/live/live-list";
import { hideAnnotation } from "@/lib/server/annotations/hide-annotation";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { findAnnotations, reloadAnnotation } from "@/lib/server/annotations/find-annotations";
import { deleteAnnotation, updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { liveHub } from "@/lib/server/live/live-hub";
import { openTestStream, sessionFor } from "../support/live-stream";
import { commentInput, makeWorld } from "../support/world";

/**
 * The order states reach a reader in is not the order they were made in: a
 * write's answer can arrive after the stream already brought a later change,
 * and a full reload started before a change can answer after it. These run
 * the real server answers and live deltas through the reader's list
 * (lib/live/live-list.ts) in the bad order and check the newer state stays.
 */
type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;

/** A reader's live stream from where their list stands, with its events parsed. */
async function follow(viewerId: string, since: string) {
  const stream = await openTestStream({ viewerId, sessionToken: await sessionFor(viewerId), assignmentId: world.assignmentA.id, since });
  const events = () => [...stream.text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]) as ChangeEventDTO).filter((e) => e.type);
  return {
    /** The first event about `threadId` that `test` accepts, waiting for it. */
    async next(threadId: string, test: (e: ChangeEventDTO) => boolean = () => true): Promise<ChangeEventDTO> {
      await liveHub.pump(world.assignmentA.id);
      await expect.poll(() => events().some((e) => e.thread?.id === threadId && test(e)), { timeout: 5_000 }).toBe(true);
      return events().find((e) => e.thread?.id === threadId && test(e))!;
    },
    hangUp: stream.hangUp,
  };
}

const textOf = (state: LiveList, id: string) => {
  const a = state.list.annotations.find((x) => x.id === id);
  return a ? JSON.stringify(a.body) : "gone";
};

beforeAll(async () => {
  world = await makeWorld();
});

describe("a stale answer never overwrites a newer state", () => {
  it("keeps a teacher's hide that the stream brought before the answer to the author's own edit", async () => {
    const { ana, teacher } = world.users;
    const assignmentId = world.assignmentA.id;
    const opened = await findAnnotations({ viewerId: ana.id, assignmentId });
    const stream = await follow(ana.id, opened.lastEventId);
    try {
      const { annotation: created } = await createAnnotation({ viewerId: ana.id, assignmentId, input: commentInput(world.revision.text, "secret speech") });
      const editAnswer = await updateAnnotation({ viewerId: ana.id, annotationId: created.id, input: { version: 1, body: richTextFromPlain("Edited") } });
      await hideAnnotation({ viewerId: teacher.id, annotationId: created.id, hidden: true });
      const hidden = await stream.next(created.id, (e) => e.thread?.annotation?.isHidden === true);
      expect(BigInt(hidden.thread!.annotation!.asOf!)).toBeGreaterThan(BigInt(editAnswer.asOf!));

      // The edit's answer was slow: it arrives after the hide.
      let state = startLiveList(opened);
      state = applyEvent(state, hidden);
      state = applyAnswer(state, editAnswer);
      expect(state.list.annotations.find((a) => a.id === created.id)!.isHidden).toBe(true);
      // On time, the answer is applied and the hide still follows it.
      let onTime = applyAnswer(startLiveList(opened), editAnswer);
      expect(onTime.list.annotations.find((a) => a.id === created.id)!.isHidden).toBe(false);
      onTime = applyEvent(onTime, hidden);
      expect(onTime.list.annotations.find((a) => a.id === created.id)!.isHidden).toBe(true);
    } finally {
      stream.hangUp();
    }
  });

  it("keeps a removal that the stream brought before a reload that was started earlier", async () => {
    const { ana, ben } = world.users;
    const assignmentId = world.assignmentA.id;
    const { annotation: created } = await createAnnotation({
      viewerId: ana.id,
      assignmentId,
      input: commentInput(world.revision.text, "Molotov and Malenkov", { comment: "About to go" }),
    });
    const bensPage = await findAnnotations({ viewerId: ben.id, assignmentId });
    const stream = await follow(ben.id, bensPage.lastEventId);
    try {
      // Ben's reload starts (its list is read now) …
      const slowReload = await findAnnotations({ viewerId: ben.id, assignmentId });
      expect(slowReload.annotations.some((a) => a.id === created.id)).toBe(true);
      // … Ana deletes her comment, and the stream tells Ben to drop it …
      await deleteAnnotation({ viewerId: ana.id, annotationId: created.id, version: created.version });
      const dropped = await stream.next(created.id, (e) => e.thread?.annotation === null);
      // … before the reload's answer arrives.
      let state = startLiveList(bensPage);
      expect(textOf(state, created.id)).toContain("About to go");
      state = applyEvent(state, dropped);
      state = applyList(state, slowReload);
      expect(textOf(state, created.id)).toBe("gone");
      // A reload from after the delete agrees, and then a late answer from before it changes nothing either.
      state = applyList(state, await findAnnotations({ viewerId: ben.id, assignmentId }));
      expect(textOf(state, created.id)).toBe("gone");
      expect(textOf(applyAnswer(state, { ...created, asOf: slowReload.lastEventId }), created.id)).toBe("gone");
    } finally {
      stream.hangUp();
    }
  });

  it("stamps answers and deltas with positions that follow the log: a later read is never older", async () => {
    const { ana, ben } = world.users;
    const assignmentId = world.assignmentA.id;
    const opened = await findAnnotations({ viewerId: ben.id, assignmentId });
    const stream = await follow(ben.id, opened.lastEventId);
    try {
      const { annotation: created } = await createAnnotation({
        viewerId: ana.id,
        assignmentId,
        input: commentInput(world.revision.text, "February of 1956", { comment: "v1" }),
      });
      const delta = await stream.next(created.id);
      expect(BigInt(created.asOf!)).toBe(BigInt(delta.id));
      const edited = await updateAnnotation({ viewerId: ana.id, annotationId: created.id, input: { version: 1, body: richTextFromPlain("v2") } });
      const reread = await reloadAnnotation(ben.id, created.id);
      expect(BigInt(edited.asOf!)).toBeGreaterThan(BigInt(created.asOf!));
      expect(BigInt(reread.asOf!)).toBeGreaterThanOrEqual(BigInt(edited.asOf!));
      // Ben's reader, fed the stale create delta after the fresher read, shows v2.
      let state = applyAnswer(startLiveList(opened), reread);
      state = applyEvent(state, delta);
      expect(textOf(state, created.id)).toContain("v2");
      // A 404 taken at Ben's position before the create cannot remove what the create delta brought.
      expect(textOf(applyThread(state, created.id, null, opened.lastEventId), created.id)).toContain("v2");
    } finally {
      stream.hangUp();
    }
  });
});
