/** Most characters (Unicode code points, text only) a comment body may hold. */
export const MAX_BODY_CHARS = 5000;

/**
 * Deepest nesting allowed, counting every node on the path from `doc` (level 1)
 * down to a piece of text. Eight leaves room for a quote holding a list inside a
 * list (doc › blockquote › bulletList › listItem › bulletList › listItem ›
 * paragraph › text) while keeping renderers and parsers far from any stack limit.
 */
export const MAX_DEPTH = 8;

/** Most nodes (blocks, list items, text runs, line breaks) a document may hold. */
export const MAX_NODES = 1000;

/** Longest link address accepted; longer ones are almost always smuggled data. */
export const MAX_HREF_LENGTH = 2048;
