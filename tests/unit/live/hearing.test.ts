import { describe, expect, it } from "vitest";
import { audienceScope, hearingOf, type RootNow } from "@/lib/server/live/hearing";

const student = { isTeacher: false, peerFlagsVisible: true, anonymousPeers: false };
const teacherStanding = { isTeacher: true, peerFlagsVisible: true, anonymousPeers: false };
const readers = [
  ["ana", student],
  ["ben", student],
  ["teacher", teacherStanding],
] as const;

const anasComment: RootNow = { authorId: "ana", scope: "class", kind: "comment", isHidden: false, isDeleted: false, hasLiveReplies: false };
const asWritten = { scope: "class" as const, ownerId: "ana", kind: "comment" as const };

const heardBy = (row: Parameters<typeof hearingOf>[0], root: RootNow | null | undefined) =>
  readers.map(([id, standing]) => hearingOf(row, root, id, standing));

describe("who hears of a change to a thread", () => {
  it("writes a hidden class thread's changes for its author and the teachers only", () => {
    expect(audienceScope({ scope: "class", hiddenAt: new Date() })).toBe("teachers");
    expect(audienceScope({ scope: "class", hiddenAt: null })).toBe("class");
    expect(audienceScope({ scope: "private", hiddenAt: null })).toBe("private");
    const hiddenReply = { ...asWritten, scope: audienceScope({ scope: "class", hiddenAt: new Date() }) };
    expect(heardBy(hiddenReply, { ...anasComment, isHidden: true })).toEqual(["send", "skip", "send"]);
  });

  it("replays a change only while its thread is still in the reader's sight, and tells the others who heard it to drop it", () => {
    expect(heardBy(asWritten, { ...anasComment, isHidden: true })).toEqual(["send", "remove", "send"]);
    expect(heardBy(asWritten, { ...anasComment, scope: "private" })).toEqual(["send", "remove", "remove"]);
    expect(heardBy(asWritten, { ...anasComment, scope: "teachers" })).toEqual(["send", "remove", "send"]);
    expect(heardBy(asWritten, anasComment)).toEqual(["send", "send", "send"]);
    expect(heardBy({ ...asWritten, scope: "private" }, { ...anasComment, scope: "private" })).toEqual(["send", "skip", "skip"]);
  });

  it("keeps a deleted thread only while it has live replies, as the list does", () => {
    expect(heardBy(asWritten, { ...anasComment, isDeleted: true })).toEqual(["remove", "remove", "remove"]);
    expect(heardBy(asWritten, { ...anasComment, isDeleted: true, hasLiveReplies: true })).toEqual(["send", "send", "send"]);
  });

  it("says nothing of a classmate's flag while the assignment keeps peers' flags out of sight", () => {
    const flag = { ...anasComment, kind: "flag" as const };
    const locked = { ...student, peerFlagsVisible: false };
    expect(hearingOf({ ...asWritten, kind: "flag" }, flag, "ben", locked)).toBe("skip");
    expect(hearingOf({ ...asWritten, kind: "flag" }, flag, "ana", locked)).toBe("send");
    expect(hearingOf({ ...asWritten, kind: "flag" }, flag, "ben", student)).toBe("send");
  });

  it("sends changes to the whole assignment to every member", () => {
    expect(heardBy({ scope: null, ownerId: null, kind: null }, undefined)).toEqual(["send", "send", "send"]);
  });

  it("sends a change that is about no thread (the answer key) only to the audience it was logged with", () => {
    expect(heardBy({ scope: "teachers", ownerId: "teacher", kind: null }, undefined)).toEqual(["skip", "skip", "send"]);
  });
});
