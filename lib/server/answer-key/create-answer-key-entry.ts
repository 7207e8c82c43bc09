import "server-only";
import { describe, verifySelectors } from "@/lib/anchoring";
import { flagCategoryLabel, type FlagCategory } from "@/lib/critique";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { findPassage } from "@/lib/review/find-passage";
import type { AnswerKeyEntryDTO } from "@/lib/review/types";
import { requireReviewAssignment, type ReviewAssignment } from "@/lib/server/assignments/find-review-assignment";
import { hintsForRevision } from "@/lib/server/hints/revision-hints";
import type { CreateAnswerKeyEntryInput } from "@/lib/validation/answer-key";
import { recordAnswerKeyChange } from "./record-answer-key-change";
import { toAnswerKeyEntryDTO } from "./answer-key-dto";

/** What a new entry will store, however the teacher made it. */
interface Draft {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  category: FlagCategory;
  correction: string;
  note: string;
  hintKind: string | null;
}

/**
 * Adds an expected finding to the assignment's answer key (teachers of its
 * class only; anyone else gets not-found). Three ways in: one click on a hint
 * (kind, category and suggestion copied from the server's own hint, never
 * from the client); selectors, which must describe the current text exactly
 * (422 otherwise); or typed words plus an occurrence number, which the server
 * finds and describes. The same passage in the same category is one entry:
 * a repeated hint click returns it (isNew false), a repeated hand entry is a
 * conflict that names it.
 */
export async function createAnswerKeyEntry({
  viewerId,
  assignmentId,
  input,
}: {
  viewerId: string;
  assignmentId: string;
  input: CreateAnswerKeyEntryInput;
}): Promise<{ entry: AnswerKeyEntryDTO; isNew: boolean }> {
  const assignment = await requireReviewAssignment({ viewerId, assignmentId });
  const draft = await resolveDraft(assignment, input);
  const revisionId = assignment.revision.id;

  return db.$transaction(async (tx) => {
    // Serializes key writes per assignment, so two quick clicks cannot both pass the duplicate check.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`answer-key:${assignmentId}`}))`;
    const same = await tx.answerKeyEntry.findFirst({
      where: { assignmentId, revisionId, startCp: draft.position.start, endCp: draft.position.end, category: draft.category },
    });
    if (same && input.source === "hint") return { entry: toAnswerKeyEntryDTO(same, revisionId), isNew: false };
    if (same) {
      throw new AppError("conflict", `That passage is already in the key as a ${flagCategoryLabel(draft.category)}.`, {
        entryId: same.id,
      });
    }
    const row = await tx.answerKeyEntry.create({
      data: {
        assignmentId,
        revisionId,
        exact: draft.quote.exact,
        prefix: draft.quote.prefix,
        suffix: draft.quote.suffix,
        startCp: draft.position.start,
        endCp: draft.position.end,
        category: draft.category,
        correction: draft.correction,
        note: draft.note,
        hintKind: draft.hintKind,
        createdById: viewerId,
      },
    });
    await tx.auditEvent.create({
      data: {
        actorId: viewerId,
        entityType: "answer_key_entry",
        entityId: row.id,
        action: "created",
        toState: draft.category,
        reason: draft.hintKind ? `from hint ${draft.hintKind}` : null,
      },
    });
    await recordAnswerKeyChange(tx, { assignmentId, entryId: row.id, actorId: viewerId });
    return { entry: toAnswerKeyEntryDTO(row, revisionId), isNew: true };
  });
}

async function resolveDraft(assignment: ReviewAssignment, input: CreateAnswerKeyEntryInput): Promise<Draft> {
  const { text, id: revisionId } = assignment.revision;
  switch (input.source) {
    case "hint": {
      if (input.revisionId !== revisionId) {
        throw new AppError("conflict", "The essay has a new version since this page was loaded. Reload to see its hints.");
      }
      const hints = await hintsForRevision(revisionId, assignment.essay.title);
      const hint = hints.find((h) => h.id === input.hintId);
      if (!hint) throw notFound("That hint");
      return {
        quote: hint.quote,
        position: hint.position,
        category: hint.category,
        // A hint without a confident fix still says what is wrong; that is the key's correction then.
        correction: hint.suggestion ?? hint.message,
        note: hint.message,
        hintKind: hint.kind,
      };
    }
    case "selectors": {
      const checked = verifySelectors(text, input);
      if (!checked.ok) throw new AppError("invalid", `${checked.reason} Reload the page and choose the passage again.`);
      const { quote, position, category, correction, note } = input;
      return { quote, position: { start: position.start, end: position.end }, category, correction, note, hintKind: null };
    }
    case "passage": {
      const found = findPassage(text, input.words, input.occurrence);
      if (!found.ok) throw new AppError("invalid", found.reason, { issues: [{ path: "words", message: found.reason }] });
      const { quote, position } = describe(text, found.span.start, found.span.end);
      return {
        quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" },
        position: { start: position.start, end: position.end },
        category: input.category,
        correction: input.correction,
        note: input.note,
        hintKind: null,
      };
    }
  }
}
