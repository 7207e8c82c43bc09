import { z } from "zod";
import { readingSchema } from "./reading";

/**
 * A reading made from a file: the provenance a text reading has, without the
 * text (it comes from the file), plus the picture's description, which an
 * image source must have so that those who cannot see it can still read it.
 */
export const sourceReadingSchema = readingSchema
  .pick({ title: true, author: true, source: true, sourceUrl: true, retrieved: true, notes: true, isShared: true })
  .extend({
    altText: z.string().trim().max(1000, "The picture's description can be at most 1,000 characters.").default(""),
    /**
     * For a picture: "transcribe" reads its words by OCR (a scanned document); "annotate" keeps it a
     * picture whose regions the class marks (a poster, a map, a cartoon, a photograph).
     */
    pictureUse: z.enum(["transcribe", "annotate"], { error: "Choose whether the picture's words are transcribed or its regions annotated." }).default("transcribe"),
  });

type ParsedSourceReading = z.infer<typeof sourceReadingSchema>;
/** As parsed; `pictureUse` may be left out by callers inside the app (a transcribed scan). */
export type SourceReadingInput = Omit<ParsedSourceReading, "pictureUse"> & Partial<Pick<ParsedSourceReading, "pictureUse">>;

/** A teacher's corrected transcription of a scan: the whole text, one paragraph per line. */
export const transcriptionSchema = z.object({
  text: z.string().min(1, "The transcription cannot be empty.").max(1_000_000, "A transcription can be at most 1 MB of text."),
  /** The revision the teacher corrected; a newer one means someone else changed it meanwhile (409). */
  revision: z.number().int().positive(),
});
