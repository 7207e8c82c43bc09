import type { ErratumEntry } from "./types";

/**
 * The errata split into the source's errors and the transcription's: a
 * "transcription error" flag says the OCR misread a scan, not that the
 * source is wrong, so the page and the download list those apart (after the
 * source's own), whether still to apply or already corrected.
 */
export function splitTranscriptionErrata({ errata, alreadyFixed }: { errata: ErratumEntry[]; alreadyFixed: ErratumEntry[] }) {
  const isTranscription = (entry: ErratumEntry) => entry.category === "transcription";
  return {
    errata: errata.filter((e) => !isTranscription(e)),
    alreadyFixed: alreadyFixed.filter((e) => !isTranscription(e)),
    transcription: [...errata.filter(isTranscription), ...alreadyFixed.filter(isTranscription)],
  };
}
