import { describe, expect, it } from "vitest";
import type { AnnotationDTO, AnnotationListDTO, ChangeEventDTO, ReplyDTO } from "@/lib/annotations/types";
import { applyAnswer, applyEvent, applyList, applyReply, applyThread, needsReload, startLiveList, type LiveList } from "@/lib/live/live-list";

/** A comment by Ana on "secret speech" with the given words, as the server maps it. */
function comment(id: string, words: string, extra: Partial<AnnotationDTO> = {}): AnnotationDTO {
  return {
    id,
    assignmentId: "a1",
    kind: "comment",
    scope: "class",
    author: { id: "ana", name: "Ana", isTeacher: false },
    isMine: false,
    imported: null,
    quote: { exact: "secret speech", prefix: "", suffix: "" },
    position: { start: 100, end: 113 },
    span: { start: 100, end: 113 },
    anchorStatus: "anchored",
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: words }] }] },
    tags: [],
    version: 1,
    isDeleted: false,
    isHidden: false,
    createdAt: "2026-11-27T10:00:00.000Z",
    updatedAt: "2026-11-27T10:00:00.000Z",
    replies: [],
    ...extra,
  };
}

function listAt(lastEventId: string, annotations: AnnotationDTO[]): AnnotationListDTO {
  return { assignmentId: "a1", revisionId: "r1", viewer: { id: "ben", role: "student" }, peerFlagsVisible: true, hintsVisible: false, lastEventId, codes: [], annotations };
}

const wordsOf = (state: LiveList) =>
  state.list.annotations.map((a) => `${a.id}:${(a.body?.content?.[0] as { content?: { text: string }[] } | undefined)?.content?.[0]?.text ?? ""}`);

const delta = (id: string, annotation: AnnotationDTO | null, threadId = annotation?.id ?? ""): ChangeEventDTO => ({
  id,
  type: "annotation.updated",
  entityId: threadId,
  actorId: null,
  thread: { id: threadId, annotation: annotation && { ...annotation, asOf: id } },
});

const opened = startLiveList(listAt("10", [comment("c1", "first words")]));

describe("a live list keeps the newest state of each thread, whatever order states arrive in", () => {
  it("applies a delta newer than the page's list", () => {
    const next = applyEvent(opened, delta("11", comment("c1", "edited", { version: 2 })));
    expect(wordsOf(next)).toEqual(["c1:edited"]);
    expect(next.position).toBe(BigInt(11));
  });

  it("keeps a delta when the answer to an earlier request arrives after it", () => {
    // Ana's edit was answered as of 12; a teacher's hide (13) reached the stream first.
    const afterHide = applyEvent(opened, delta("13", comment("c1", "edited", { version: 2, isHidden: true })));
    const lateAnswer = applyAnswer(afterHide, { ...comment("c1", "edited", { version: 2 }), asOf: "12" });
    expect(lateAnswer.list.annotations[0].isHidden).toBe(true);
    // The same answer on time is applied, and the delta after it still wins.
    const onTime = applyAnswer(opened, { ...comment("c1", "edited", { version: 2 }), asOf: "12" });
    expect(onTime.list.annotations[0].isHidden).toBe(false);
    expect(applyEvent(onTime, delta("13", comment("c1", "edited", { version: 2, isHidden: true }))).list.annotations[0].isHidden).toBe(true);
  });

  it("does not bring back a removed thread from an older answer or an older list", () => {
    const removed = applyEvent(opened, delta("14", null, "c1"));
    expect(removed.list.annotations).toEqual([]);
    expect(applyAnswer(removed, { ...comment("c1", "first words"), asOf: "12" }).list.annotations).toEqual([]);
    // A reload that started before the removal: its list still has the thread.
    expect(applyList(removed, listAt("12", [comment("c1", "first words")])).list.annotations).toEqual([]);
    // A reload from after it agrees, and the tombstone is no longer needed.
    const reloaded = applyList(removed, listAt("15", []));
    expect(reloaded.list.annotations).toEqual([]);
    expect(reloaded.marks.size).toBe(0);
  });

  it("lets a reload replace what it is newer than, and keeps what is newer than it", () => {
    const withNew = applyEvent(opened, delta("20", comment("c2", "posted during the reload", { position: { start: 50, end: 60 } })));
    const reload = applyList(withNew, listAt("18", [comment("c1", "edited before 18", { version: 2 })]));
    expect(wordsOf(reload)).toEqual(["c2:posted during the reload", "c1:edited before 18"]);
    // An even older reload, answered last, changes nothing at all.
    expect(applyList(reload, listAt("16", [comment("c1", "older")])).list).toBe(reload.list);
  });

  it("ignores a delta older than the list the reader has", () => {
    const reloaded = applyList(opened, listAt("30", [comment("c1", "as of 30", { version: 3 })]));
    expect(wordsOf(applyEvent(reloaded, delta("25", comment("c1", "as of 25", { version: 2 }))))).toEqual(["c1:as of 30"]);
  });

  it("inserts a new thread in text order, as the list query sorts", () => {
    const early = comment("c0", "earlier in the text", { position: { start: 5, end: 9 } });
    const late = comment("c9", "later in the text", { position: { start: 900, end: 910 } });
    const tie = comment("c5", "same place, written later", { createdAt: "2026-11-27T11:00:00.000Z" });
    let state = applyThread(opened, late.id, late, "11");
    state = applyThread(state, early.id, early, "12");
    state = applyThread(state, tie.id, tie, "13");
    expect(state.list.annotations.map((a) => a.id)).toEqual(["c0", "c1", "c5", "c9"]);
  });

  it("adds the reader's own reply to its thread, but never over a later version the stream brought", () => {
    const reply = (version: number, text: string): ReplyDTO => ({
      id: "r1",
      annotationId: "c1",
      author: { id: "ben", name: "Ben", isTeacher: false },
      imported: null,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
      isDeleted: false,
      isMine: true,
      version,
      createdAt: "2026-11-27T10:05:00.000Z",
      updatedAt: "2026-11-27T10:05:00.000Z",
    });
    const replied = applyReply(opened, reply(1, "a reply"));
    expect(replied.list.annotations[0].replies.map((r) => r.version)).toEqual([1]);
    expect(applyReply(replied, reply(1, "a reply")).list.annotations[0].replies).toHaveLength(1);
    const edited = applyEvent(opened, delta("12", comment("c1", "first words", { replies: [reply(2, "edited reply")] })));
    expect(applyReply(edited, reply(1, "a reply")).list.annotations[0].replies[0].version).toBe(2);
  });

  it("asks for a reload only for changes to the whole assignment", () => {
    expect(needsReload({ id: "5", type: "annotation.updated", entityId: "*", actorId: null })).toBe(true);
    expect(needsReload(delta("5", null, "c1"))).toBe(false);
    expect(needsReload({ id: "5", type: "answer-key.updated", entityId: "k1", actorId: "t" })).toBe(false);
    // Events without a thread still move the reader's position on.
    expect(applyEvent(opened, { id: "40", type: "answer-key.updated", entityId: "k1", actorId: "t" }).position).toBe(BigInt(40));
  });
});
