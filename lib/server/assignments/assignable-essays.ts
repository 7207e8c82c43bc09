import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Readings a teacher may assign: the school's content files, readings they
 * added themselves, and readings other teachers shared.
 */
export function assignableEssayWhere(viewerId: string): Prisma.EssayWhereInput {
  // A reading still being extracted or transcribed has no text yet to assign.
  return { OR: [{ origin: "file" }, { ownerId: viewerId }, { isShared: true }], revisions: { some: {} } };
}

export async function listAssignableEssays({ viewerId }: { viewerId: string }) {
  return db.essay.findMany({
    where: assignableEssayWhere(viewerId),
    orderBy: { title: "asc" },
    select: { id: true, slug: true, title: true, origin: true },
  });
}
