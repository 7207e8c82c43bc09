import "server-only";
import { db } from "@/lib/db";
import { readableEssayWhere } from "@/lib/server/essays/find-readable-essay";

/**
 * A stored file's bytes, if the viewer may read the essay it belongs to (the
 * same rule as the essay itself); null otherwise, exactly as for a missing id.
 */
export function findSourceFile({ viewerId, fileId }: { viewerId: string; fileId: string }) {
  return db.sourceFile.findFirst({
    where: { id: fileId, essay: readableEssayWhere(viewerId) },
    select: { id: true, sha256: true, mediaType: true, byteSize: true, bytes: true, storageKey: true },
  });
}
