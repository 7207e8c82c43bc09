import { AppError } from "@/lib/errors";
import { MAX_SOURCE_BYTES } from "@/lib/sources";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { addSourceReading } from "@/lib/server/sources/add-source-reading";
import { readUploadedFile } from "@/lib/server/sources/read-upload";
import { sourceReadingSchema } from "@/lib/validation/source-reading";

export const dynamic = "force-dynamic";

/**
 * A teacher adds a reading from a PDF, scan or photograph (multipart: `meta`,
 * the provenance as JSON, and `file`). Answers 202: the text is read or
 * transcribed by a queued job, whose progress GET /api/readings/:id/source reports.
 */
export const POST = apiRoute(
  async ({ viewer, form }) => {
    const meta = form?.get("meta");
    if (typeof meta !== "string") throw new AppError("invalid", "The reading's details are missing.");
    let json: unknown;
    try {
      json = JSON.parse(meta);
    } catch {
      throw new AppError("invalid", "The reading's details are not valid JSON.");
    }
    const input = parseInput(sourceReadingSchema, json);
    const created = await addSourceReading({ viewerId: viewer.id, input, file: await readUploadedFile(form) });
    return Response.json({ essay: created.essay, job: created.job }, { status: 202 });
  },
  { form: true, maxBytes: MAX_SOURCE_BYTES + 64 * 1024 },
);
