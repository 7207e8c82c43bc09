import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { correctTranscription } from "@/lib/server/sources/correct-transcription";
import { transcriptionSchema } from "@/lib/validation/source-reading";

export const dynamic = "force-dynamic";

/** The owner corrects a scan's transcription: a new revision; annotations re-anchor and words keep their boxes. */
export const PATCH = apiRoute<{ id: string }>(
  async ({ params, viewer, json }) => {
    const input = parseInput(transcriptionSchema, json);
    return correctTranscription({ viewerId: viewer.id, essayId: params.id, text: input.text, revision: input.revision });
  },
  { maxBytes: 1_200_000 },
);
