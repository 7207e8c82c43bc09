import type { SourceText } from "./types";

/**
 * The revision of a picture read as a picture (a poster, a map, a cartoon):
 * nothing is transcribed, so its text is the teacher's description of it (the
 * alt text), one paragraph, which the text view and screen readers read; its
 * one page is the picture, and annotations mark regions on it instead of words.
 */
export function pictureSourceText(altText: string, picture: { width: number; height: number; imageFileId?: string }): SourceText {
  const text = altText.trim();
  return {
    text,
    blocks: [{ type: "paragraph", page: 0, start: 0, end: text.length }],
    geometry: { version: 1, kind: "image", pages: [{ ...picture, start: 0, end: text.length }], runs: [] },
  };
}
