import { describe, expect, it } from "vitest";
import { audienceScope, canHear, canSeeRootNow, type RootNow } from "@/lib/server/live/hearing";

const ana = { viewerId: "ana", isTeacher: false };
const ben = { viewerId: "ben", isTeacher: false };
const teacher = { viewerId: "teacher", isTeacher: true };

const anasComment: RootNow = { authorId: "ana", scope: "class", isHidden: false, isDeleted: false, hasLiveReplies: false };

describe("who hears of a change to a thread", () => {
  it("writes a hidden class thread's changes for its author and the teachers only", () => {
    expect(audienceScope({ scope: "class", hiddenAt: new Date() })).toBe("teachers");
    expect(audienceScope({ scope: "class", hiddenAt: null })).toBe("class");
    expect(audienceScope({ scope: "private", hiddenAt: null })).toBe("private");
    const hiddenReply = { scope: audienceScope({ scope: "class", hiddenAt: new Date() }), ownerId: "ana" };
    expect([ana, ben, teacher].map((l) => canHear(hiddenReply, l))).toEqual([true, false, true]);
  });

  it("replays a change only while its thread is still in the reader's sight", () => {
    const hidden = { ...anasComment, isHidden: true };
    expect([ana, ben, teacher].map((l) => canSeeRootNow(hidden, l))).toEqual([true, false, true]);
    const madePrivate = { ...anasComment, scope: "private" as const };
    expect([ana, ben, teacher].map((l) => canSeeRootNow(madePrivate, l))).toEqual([true, false, false]);
    const teachersOnly = { ...anasComment, scope: "teachers" as const };
    expect([ana, ben, teacher].map((l) => canSeeRootNow(teachersOnly, l))).toEqual([true, false, true]);
    expect([ana, ben, teacher].map((l) => canSeeRootNow(anasComment, l))).toEqual([true, true, true]);
  });

  it("keeps a deleted thread only while it has live replies, as the list does", () => {
    expect(canSeeRootNow({ ...anasComment, isDeleted: true }, ana)).toBe(false);
    expect(canSeeRootNow({ ...anasComment, isDeleted: true, hasLiveReplies: true }, ben)).toBe(true);
  });
});
