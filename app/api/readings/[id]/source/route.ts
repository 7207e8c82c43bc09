import { MAX_SOURCE_BYTES } from "@/lib/sources";
import { apiRoute } from "@/lib/server/http/api-route";
import { findSourceStatus, replaceSourceFile } from "@/lib/server/sources/add-source-reading";
import { readUploadedFile } from "@/lib/server/sources/read-upload";

export const dynamic = "force-dynamic";

/** The owner follows the extraction or OCR of the reading's newest file: status, progress (0–100), stage, message. */
export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => findSourceStatus({ viewerId: viewer.id, essayId: params.id }));

/** The owner replaces the file with a corrected one (multipart `file`): a new job, then a new revision to which annotations re-anchor. */
export const PUT = apiRoute<{ id: string }>(
  async ({ params, viewer, form }) => {
    const { job } = await replaceSourceFile({ viewerId: viewer.id, essayId: params.id, file: await readUploadedFile(form) });
    return Response.json({ job }, { status: 202 });
  },
  { form: true, maxBytes: MAX_SOURCE_BYTES + 64 * 1024 },
);
