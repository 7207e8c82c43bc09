import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { richTextFromPlain } from "@/lib/rich-text";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotations/update-annotation";
import { createFlag } from "@/lib/server/flags/create-flag";
import { createReply } from "@/lib/server/replies/reply-writes";
import { commentInput, select, type makeWorld } from "./world";

type World = Awaited<ReturnType<typeof makeWorld>>;

/** The words of the private note: they must never appear in an export. */
export const PRIVATE_WORDS = "Only for me: Trotsky again";

/**
 * Class A's reading of the seed essay, one of each thing an export must
 * handle: a tagged comment with a reply thread, a tagged highlight, a flag
 * with a correction and one without (assessing), a student's private note, a
 * teacher-only comment, a comment a teacher hid, and a deleted comment.
 */
export async function seedClassReading(world: World) {
  const text = world.revision.text;
  const assignmentId = world.assignmentA.id;
  const { teacher, ana, ben } = world.users;
  const annotate = (viewerId: string, words: string, overrides: Parameters<typeof commentInput>[2] = {}) =>
    createAnnotation({ viewerId, assignmentId, input: commentInput(text, words, overrides) }).then((r) => r.annotation);
  const flag = (viewerId: string, words: string, category: "date_number" | "page_artifact", correction: string, why: string) =>
    createFlag({
      viewerId,
      assignmentId,
      input: { id: randomUUID(), scope: "class", ...select(text, words), category, correction, rationale: richTextFromPlain(why), evidence: [], tags: ["errors"] },
    }).then((r) => r.annotation);

  const comment = await annotate(ana.id, "Desalinization was an extremely sensitive issue", {
    comment: "Is this a typo for de-Stalinization?\nThe spelling recurs later.",
    tags: ["terms", "spelling"],
  });
  const highlight = await annotate(ben.id, "prisoners were released from labor camps", { kind: "highlight", body: undefined, tags: ["gulag"] });
  const corrected = await flag(ana.id, "1995", "date_number", "1956", "The commission sat after Stalin's death.");
  const assessed = await flag(ben.id, "Authors Avatar", "page_artifact", "", "Website chrome, not the essay.");
  const privateNote = await annotate(ana.id, "Trotsky", { scope: "private", comment: PRIVATE_WORDS });
  const teachersOnly = await annotate(ben.id, "secret speech", { scope: "teachers", comment: "I am not sure it was secret." });
  const hidden = await annotate(ben.id, "February of 1956", { comment: "Off-topic remark." });
  await db.annotation.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenById: teacher.id } });
  const deleted = await annotate(ana.id, "between 1924 and 1953", { comment: "Deleted thought." });
  await deleteAnnotation({ viewerId: ana.id, annotationId: deleted.id, version: deleted.version });

  const reply = (viewerId: string, annotationId: string, words: string) =>
    createReply({ viewerId, annotationId, input: { id: randomUUID(), body: richTextFromPlain(words) } }).then((r) => r.reply);
  const replies = [
    await reply(teacher.id, comment.id, "Good catch: check the glossary."),
    await reply(ben.id, comment.id, "It is spelled that way twice."),
    await reply(teacher.id, teachersOnly.id, "It was read in a closed session."),
  ];
  return { comment, highlight, corrected, assessed, privateNote, teachersOnly, hidden, deleted, replies };
}
