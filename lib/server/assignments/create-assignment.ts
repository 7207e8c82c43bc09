import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseRichText } from "@/lib/rich-text";
import { taughtClass } from "@/lib/server/classes/class-writes";
import { toJson } from "@/lib/server/annotations/check-body";
import type { CreateAssignmentInput } from "@/lib/validation/assignment";
import { refuseMentions } from "@/lib/server/mentions/resolve-mentions";
import { notifyNewAssignment } from "@/lib/server/notifications/notify";
import { assignableEssayWhere } from "./assignable-essays";

/** Assigns a reading the teacher may use to a class they teach, with its settings. */
export async function createAssignment({
  viewerId,
  classroomId,
  input,
}: {
  viewerId: string;
  classroomId: string;
  input: CreateAssignmentInput;
}) {
  const classroom = await db.classroom.findFirst({ where: taughtClass(viewerId, classroomId), select: { id: true } });
  if (!classroom) throw notFound("That class");
  const essay = await db.essay.findFirst({ where: { id: input.essayId, ...assignableEssayWhere(viewerId) }, select: { id: true } });
  if (!essay) throw new AppError("invalid", "Choose one of the readings in the list.");
  let instructions = null;
  if (input.instructions !== undefined && input.instructions !== null) {
    const parsed = parseRichText(input.instructions, { noun: "instructions", allowEmpty: true });
    if (!parsed.ok) throw new AppError("invalid", parsed.message);
    instructions = toJson(refuseMentions(parsed.doc, "instructions"));
  }
  const assignment = await db.assignment.create({
    data: {
      classroomId,
      essayId: essay.id,
      dueAt: input.dueAt,
      ...(instructions ? { instructions } : {}),
      peerFlagVisibility: input.peerFlagVisibility,
      hintVisibility: input.hintVisibility,
      anonymousPeers: input.anonymousPeers,
      minHighlights: input.minHighlights,
      minComments: input.minComments,
      minFlags: input.minFlags,
      createdById: viewerId,
    },
  });
  await notifyNewAssignment({ assignmentId: assignment.id, actorId: viewerId });
  return assignment;
}
