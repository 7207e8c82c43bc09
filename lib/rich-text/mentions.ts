import type { BlockNode, InlineNode, MentionNode, TiptapDoc } from "./types";

/** The ids a document mentions, each once, in order of appearance. */
export function mentionedIds(doc: TiptapDoc): string[] {
  const ids: string[] = [];
  // Depth is bounded by the parser; a stack keeps this flat anyway.
  const stack: (BlockNode | InlineNode | { content?: unknown })[] = [...doc.content].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as { type?: string; attrs?: { id?: string }; content?: unknown[] };
    if (node.type === "mention" && node.attrs?.id && !ids.includes(node.attrs.id)) ids.push(node.attrs.id);
    if (Array.isArray(node.content)) for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i] as BlockNode);
  }
  return ids;
}

/** A copy of the document with every mention's attributes replaced by `map`'s answer (the rest is shared). */
export function mapMentions(doc: TiptapDoc, map: (attrs: MentionNode["attrs"]) => MentionNode["attrs"]): TiptapDoc {
  const walk = <T>(node: T): T => {
    const n = node as { type?: string; attrs?: MentionNode["attrs"]; content?: unknown[] };
    if (n.type === "mention" && n.attrs) return { ...n, attrs: map(n.attrs) } as T;
    if (Array.isArray(n.content)) return { ...n, content: n.content.map(walk) } as T;
    return node;
  };
  return walk(doc);
}
