import { describe, expect, it } from "vitest";
import { isUsableValue, safeValues, UNMATCHABLE_ID, withSafeQuery } from "@/lib/server/http/route-params";

describe("path and query values that cannot name anything", () => {
  it("keeps ids, slugs and codes as they are", () => {
    for (const value of ["cmiabc123def456ghi789jkl0", "0f8fad5b-d9cb-469f-a165-70867728950e", "destalinization-origins", "ABC-123", "élève", "𝔘nicode"]) {
      expect(isUsableValue(value), value).toBe(true);
    }
  });

  it("refuses U+0000 (PostgreSQL 22021), other control characters, broken escapes, lone surrogates and over-long values", () => {
    for (const value of ["\u0000", "abc\u0000", "a\u0001b", "\u007f", "\ufffd", "\ud800", "x\udc00", "a".repeat(201)]) {
      expect(isUsableValue(value), JSON.stringify(value)).toBe(false);
    }
    expect(isUsableValue("a".repeat(200))).toBe(true);
  });

  it("swaps only the unusable values of params for an id no row can have", () => {
    expect(safeValues({ id: "\u0000", userId: "user-1", list: ["ok", "bad\u0000"], none: undefined })).toEqual({
      id: UNMATCHABLE_ID,
      userId: "user-1",
      list: ["ok", UNMATCHABLE_ID],
      none: undefined,
    });
    // Never a UUID (client ids are checked as UUIDs), a cuid (no hyphens) or a slug (starts with a letter or digit).
    expect(UNMATCHABLE_ID).not.toMatch(/^[0-9a-f]{8}-|^[a-z0-9]+$|^[a-z0-9]/);
  });

  it("rewrites the query of a request only when a value in it is unusable", async () => {
    const fine = new Request("http://app.test/api/x?assignment=abc&since=4");
    expect(withSafeQuery(fine)).toBe(fine);
    const hostile = new Request("http://app.test/api/x?assignment=%00&keep=1&bad%00key=2", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"a":1}',
    });
    const safe = withSafeQuery(hostile);
    const query = new URL(safe.url).searchParams;
    expect(query.get("assignment")).toBe(UNMATCHABLE_ID);
    expect(query.get("keep")).toBe("1");
    expect([...query.keys()]).toEqual(["assignment", "keep"]);
    expect(safe.method).toBe("POST");
    expect(await safe.json()).toEqual({ a: 1 });
  });
});
