export { parseEssay, MAX_CONTENT_BYTES } from "./parse";
export { ContentError } from "./errors";
export { contentSlug, parseSourceMeta } from "./source-meta";
export type { Block, BlockType, EssayMeta, ParsedEssay } from "./types";
