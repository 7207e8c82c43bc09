import { notFound } from "@/lib/errors";
import { exportAssignment, toDownloadDocument } from "@/lib/server/export/export-assignment";
import { appOrigin } from "@/lib/server/http/app-origin";
import { apiRoute } from "@/lib/server/http/api-route";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** The media type the Web Annotation Protocol asks for (section 4). */
const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** "?page=3" → 3; anything but a plain whole number names no page (404, like one past the end). */
function parsePage(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw notFound("That page of the export");
  return Number(value);
}

/**
 * The assignment's annotations as W3C Web Annotations (teachers of the class
 * only; 404 for anyone else). No `page`: the AnnotationCollection; `?page=N`
 * (0-based): that AnnotationPage, 404 past the end. `?download=1`: the whole
 * collection as one file (its single page embedded) to save and re-import.
 */
export const GET = apiRoute<Params>(async ({ req, params, viewer }) => {
  const query = new URL(req.url).searchParams;
  const page = parsePage(query.get("page"));
  const isDownload = query.get("download") === "1";
  const result = await exportAssignment({
    viewerId: viewer.id,
    assignmentId: params.id,
    baseUrl: appOrigin(req),
    page: isDownload ? (page ?? 0) : page,
    isDownload,
  });
  const headers: Record<string, string> = {
    "Content-Type": ANNO_MEDIA_TYPE,
    // Private class data: never kept by shared caches.
    "Cache-Control": "private, no-store",
    Vary: "Cookie",
  };
  if (isDownload) headers["Content-Disposition"] = `attachment; filename="${result.filename}"`;
  const body = isDownload && page === undefined ? toDownloadDocument(result.collection, result.page) : (result.page ?? result.collection);
  return new Response(JSON.stringify(body), { headers });
});
