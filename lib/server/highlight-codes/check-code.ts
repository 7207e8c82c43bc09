import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Checks that a code given with a highlight is one of its class's codes: a
 * code id from another class (or a removed one) is refused with a sentence,
 * never stored. Null and undefined pass (no code, or no change).
 */
/** The sentence for a code that is not (or no longer) the class's. */
export const UNKNOWN_CODE = "That highlight code is not one of this class's codes (a teacher may have just changed them). Reload the page and choose again.";

export async function requireClassCode(classroomId: string, codeId: string | null | undefined): Promise<void> {
  if (!codeId) return;
  const found = await db.highlightCode.count({ where: { id: codeId, classroomId } });
  if (found === 0) throw new AppError("invalid", UNKNOWN_CODE);
}
