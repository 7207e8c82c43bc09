import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { loadBytes } from "@/lib/server/sources/file-store";
import { findSourceFile } from "@/lib/server/sources/find-source-file";

export const dynamic = "force-dynamic";

/**
 * A reading's stored PDF or picture, for whoever may read the reading. Its id
 * names its bytes for ever, so the browser may keep it; it is sent as a
 * download with a sandboxing policy, so opening it directly never runs
 * anything it carries (the reader draws it with pdf.js, scripts off).
 */
export const GET = apiRoute<{ id: string }>(async ({ params, viewer, req }) => {
  const file = await findSourceFile({ viewerId: viewer.id, fileId: params.id });
  if (!file) throw notFound("That file");
  const etag = `"${file.sha256}"`;
  const headers = {
    "Content-Type": file.mediaType,
    "Cache-Control": "private, max-age=31536000, immutable",
    ETag: etag,
    "Content-Disposition": `attachment; filename="${file.id}${extension(file.mediaType)}"`,
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(await loadBytes(file)), { headers: { ...headers, "Content-Length": String(file.byteSize) } });
});

function extension(mediaType: string): string {
  return { "application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif" }[mediaType] ?? "";
}
