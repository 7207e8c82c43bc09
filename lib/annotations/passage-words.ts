import type { Region } from "@/lib/sources/regions";

/** How a region of a picture is named where a passage's words would stand (it has none). */
export const REGION_WORDS = "a region of the picture";

/** The words an annotation marks, or for a region of a picture its name: for labels, queues and summaries. */
export function passageWords(a: { quote: { exact: string }; region?: Region | null }): string {
  return a.region ? REGION_WORDS : a.quote.exact;
}
