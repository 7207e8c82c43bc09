import "server-only";
import type { HighlightCodeDTO } from "@/lib/annotations/highlight-codes";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordChange } from "@/lib/server/live/record-change";
import type { SaveHighlightCodesInput } from "@/lib/validation/highlight-codes";
import { loadClassCodes } from "./find-highlight-codes";

/**
 * Replaces a class's highlight codes with the list given, in key order
 * (teachers of the class only; 404 for anyone else). A listed id keeps that
 * code, renamed, recoloured or moved, so highlights marked with it keep it;
 * a code left out is removed and its highlights become plain highlights
 * (the foreign key sets their code to null). Saves of one class are taken
 * one at a time (the class row is locked), and every open reader of the
 * class's assignments is told to reload, so keys and colours change for all
 * at once.
 */
export async function saveHighlightCodes({
  viewerId,
  classroomId,
  input,
}: {
  viewerId: string;
  classroomId: string;
  input: SaveHighlightCodesInput;
}): Promise<{ codes: HighlightCodeDTO[]; uncoded: number }> {
  const taught = await db.classroom.findFirst({
    where: { id: classroomId, memberships: { some: { userId: viewerId, role: "teacher" } } },
    select: { id: true },
  });
  if (!taught) throw notFound("That class");

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from classes where id = ${classroomId} for update`;
    const existing = await tx.highlightCode.findMany({ where: { classroomId }, select: { id: true } });
    const known = new Set(existing.map((c) => c.id));
    if (input.codes.some((c) => c.id && !known.has(c.id))) {
      throw new AppError("conflict", "A code in your list was removed since you opened this page. Reload the page and make your changes again.");
    }
    const kept = new Set(input.codes.flatMap((c) => (c.id ? [c.id] : [])));
    const removed = existing.filter((c) => !kept.has(c.id)).map((c) => c.id);
    const uncoded = removed.length === 0 ? 0 : await tx.annotation.count({ where: { codeId: { in: removed } } });
    if (removed.length > 0) await tx.highlightCode.deleteMany({ where: { id: { in: removed } } });
    // Names are unique per class: park the kept ones first (under a name no code may have), so two can swap names.
    for (const id of kept) await tx.highlightCode.update({ where: { id }, data: { label: `#${id}` } });
    for (const [position, code] of input.codes.entries()) {
      const data = { label: code.label, colour: code.colour, cue: code.cue, position };
      if (code.id) await tx.highlightCode.update({ where: { id: code.id }, data });
      else await tx.highlightCode.create({ data: { ...data, classroomId } });
    }
    const assignments = await tx.assignment.findMany({ where: { classroomId }, select: { id: true } });
    for (const { id } of assignments) {
      await recordChange(tx, { assignmentId: id, type: "annotation.updated", entityId: "*", actorId: viewerId, scope: null, ownerId: null, kind: null });
    }
    return { codes: await loadClassCodes(classroomId, tx), uncoded };
  });
}
