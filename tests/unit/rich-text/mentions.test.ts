import { describe, expect, it } from "vitest";
import { mapMentions, mentionedIds, parseRichText, plainTextOf, richTextToMarkdown, type TiptapDoc } from "@/lib/rich-text";

const para = (...content: unknown[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });
const mention = (attrs: Record<string, unknown>) => ({ type: "mention", attrs });

describe("mentions in rich text", () => {
  it("keep only id and label of what Tiptap's mention extension writes", () => {
    const parsed = parseRichText(para({ type: "text", text: "Ask " }, mention({ id: "u1", label: "Ana", mentionSuggestionChar: "@" })));
    expect(parsed.ok && parsed.doc).toEqual(para({ type: "text", text: "Ask " }, mention({ id: "u1", label: "Ana" })));
  });

  it("refuse any other attribute, a missing id, or markup in the id", () => {
    for (const bad of [mention({ id: "u1", label: "Ana", onclick: "x" }), mention({ label: "Ana" }), mention({ id: "", label: "Ana" }), { type: "mention" }]) {
      expect(parseRichText(para(bad)).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it("count as visible text, read as @name in plain text and Markdown", () => {
    const parsed = parseRichText(para(mention({ id: "u1", label: "Ana Ruiz" })));
    expect(parsed.ok).toBe(true);
    const doc = (parsed as { doc: TiptapDoc }).doc;
    expect(plainTextOf(doc)).toBe("@Ana Ruiz");
    expect(richTextToMarkdown(doc)).toContain("@Ana Ruiz");
  });

  it("list each person once, in order, and map labels without touching the rest", () => {
    const doc = para(mention({ id: "b", label: "B" }), { type: "text", text: " and " }, mention({ id: "a", label: "A" }), mention({ id: "b", label: "B" })) as TiptapDoc;
    expect(mentionedIds(doc)).toEqual(["b", "a"]);
    const mapped = mapMentions(doc, ({ id }) => ({ id, label: id.toUpperCase() + "!" }));
    expect(plainTextOf(mapped)).toBe("@B! and @A!@B!");
    expect(plainTextOf(doc)).toBe("@B and @A@B");
  });
});
