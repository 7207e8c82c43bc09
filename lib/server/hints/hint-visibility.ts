import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * Who may see an assignment's automatic hints, in the two forms the app needs:
 * a `where` for the hints query, and a yes/no for the reader, which must not
 * ask for hints it would be refused (each refusal is a 404 in the console).
 * Both state one rule: the class's teachers always; its students only when
 * the teacher's setting allows it now (always, or after the due date; never
 * means never). Keep them together.
 */

/** The rule as a `where` on assignments (membership included). */
export function hintsVisibleWhere(viewerId: string, now: Date): Prisma.AssignmentWhereInput {
  return {
    classroom: { memberships: { some: { userId: viewerId } } },
    OR: [
      { classroom: { memberships: { some: { userId: viewerId, role: "teacher" } } } },
      { hintVisibility: "always" },
      { hintVisibility: "after_due", dueAt: { lte: now } },
    ],
  };
}

/** The rule for a member whose access is already known (findAssignmentAccess). */
export function hintsVisibleTo(
  access: { role: "teacher" | "student"; assignment: { hintVisibility: string; dueAt: Date } },
  now = new Date(),
): boolean {
  if (access.role === "teacher") return true;
  const setting = access.assignment.hintVisibility;
  return setting === "always" || (setting === "after_due" && access.assignment.dueAt <= now);
}
