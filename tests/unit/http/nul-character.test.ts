import { describe, expect, it } from "vitest";
import { hasNulCharacter } from "@/lib/server/http/nul-character";

describe("finding U+0000, which PostgreSQL cannot store, in a request body", () => {
  it("finds it in any string or key, at any depth", () => {
    expect(hasNulCharacter("a\u0000b")).toBe(true);
    expect(hasNulCharacter({ name: "class \u0000 name" })).toBe(true);
    expect(hasNulCharacter({ body: { content: [{ content: [{ text: "x\u0000" }] }] } })).toBe(true);
    expect(hasNulCharacter({ ["k\u0000"]: 1 })).toBe(true);
    expect(hasNulCharacter(JSON.parse(`${"[".repeat(5_000)}"\\u0000"${"]".repeat(5_000)}`))).toBe(true);
  });

  it("leaves everything else alone, other control characters and the six characters \\u0000 included", () => {
    expect(hasNulCharacter({ name: "tab\there\u0001\u001f", n: 0, ok: null, list: [false, 1.5] })).toBe(false);
    expect(hasNulCharacter(JSON.parse('{"text":"\\\\u0000"}'))).toBe(false);
    expect(hasNulCharacter(null)).toBe(false);
  });
});
