import { createHash } from "node:crypto";
import type { SourceText } from "./types";

/**
 * sha256 of a source reading's text, blocks, geometry and file: equal hashes
 * mean the same revision, so a file uploaded again, or processed twice after a
 * retry, makes no second revision, while a better scan of the same text does.
 */
export function sourceContentHash(source: SourceText, fileSha256: string): string {
  return createHash("sha256")
    .update(JSON.stringify({ text: source.text, blocks: source.blocks, geometry: source.geometry, file: fileSha256 }))
    .digest("hex");
}
