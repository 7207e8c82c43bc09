import "server-only";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { checkBody } from "@/lib/server/annotations/check-body";
import type { CreateFlagInput } from "@/lib/validation/flag";

/**
 * Flags an error in the source: the span, a category, the replacement for
 * exactly that span ("" deletes it), a rationale and evidence. Idempotent by
 * the client's id, like every create.
 */
export async function createFlag({ viewerId, assignmentId, input }: { viewerId: string; assignmentId: string; input: CreateFlagInput }) {
  const rationale = checkBody(input.rationale, "rationale");
  return createAnnotation({
    viewerId,
    assignmentId,
    input: { id: input.id, kind: "flag", scope: input.scope, quote: input.quote, position: input.position, region: input.region, tags: input.tags },
    flag: { category: input.category, correction: input.correction, rationale, evidence: input.evidence },
  });
}
