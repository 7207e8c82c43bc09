import { importAnnotations } from "@/lib/server/export/import-annotations";
import { appOrigin } from "@/lib/server/http/app-origin";
import { apiRoute } from "@/lib/server/http/api-route";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** A year of a large class's annotations as JSON-LD fits well within this. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Imports a W3C Web Annotation file (JSON body: a collection with embedded
 * pages, a page, an array or one annotation) into the assignment; teachers of
 * the class only (404 for anyone else). Answers with the counts: imported,
 * replies, orphans (with their quotes), skipped duplicates, unattached replies.
 * A malformed file is a 422 naming the item, and nothing is written.
 */
export const POST = apiRoute<Params>(
  async ({ req, params, viewer, json }) =>
    importAnnotations({ viewerId: viewer.id, assignmentId: params.id, json, baseUrl: appOrigin(req) }),
  { maxBytes: MAX_IMPORT_BYTES },
);
