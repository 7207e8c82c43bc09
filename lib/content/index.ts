export { parseEssay, MAX_CONTENT_BYTES } from "./parse";
export { ContentError } from "./errors";
export type { Block, BlockType, EssayMeta, ParsedEssay } from "./types";
