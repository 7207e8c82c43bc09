import "server-only";
import { colourOf, cueOf, type HighlightCodeDTO } from "@/lib/annotations/highlight-codes";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

const codeSelect = { id: true, label: true, colour: true, cue: true, position: true } as const;

/** A stored row as readers get it; colour and cue keys a later palette dropped read as its first entries. */
export function toCodeDTO(row: { id: string; label: string; colour: string; cue: string; position: number }): HighlightCodeDTO {
  return { id: row.id, label: row.label, colour: colourOf(row.colour).key, cue: cueOf(row.cue).key, position: row.position };
}

/**
 * A class's codes in key order, for a caller that has already checked the
 * viewer belongs to the class (the annotation list, the exports). Codes are
 * class metadata: every member reads the same set.
 */
export async function loadClassCodes(classroomId: string, client: Tx | typeof db = db): Promise<HighlightCodeDTO[]> {
  const rows = await client.highlightCode.findMany({ where: { classroomId }, orderBy: { position: "asc" }, select: codeSelect });
  return rows.map(toCodeDTO);
}

/** A class's codes for one of its members (teacher or student); 404 for anyone else, as for a missing class. */
export async function findHighlightCodes({ viewerId, classroomId }: { viewerId: string; classroomId: string }): Promise<HighlightCodeDTO[]> {
  const classroom = await db.classroom.findFirst({
    where: { id: classroomId, memberships: { some: { userId: viewerId } } },
    select: { highlightCodes: { orderBy: { position: "asc" }, select: codeSelect } },
  });
  if (!classroom) throw notFound("That class");
  return classroom.highlightCodes.map(toCodeDTO);
}
