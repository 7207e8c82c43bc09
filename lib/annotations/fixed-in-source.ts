/**
 * When a revision of the source "reads as the correction" of a flag or an
 * answer-key entry: the words now standing where the error stood equal the
 * correction, trimmed, whitespace-collapsed and NFC ("1955 " reads as
 * "1955"). One rule, so a flag and the key entry on the same error are called
 * fixed in the source together, never one without the other.
 */
export function readsAsCorrection(words: string, correction: string): boolean {
  const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
  return norm(words) === norm(correction);
}
