import { describe, expect, it } from "vitest";
import { repairUnreadablePath, UNMATCHABLE_ID } from "@/lib/security/unreadable-path";

describe("paths whose percent-escapes are not UTF-8", () => {
  it("leaves a path alone when every segment decodes, escapes of real characters included", () => {
    for (const path of ["/classes/cmabc123", "/essays/%C3%A9l%C3%A8ve", "/api/annotations/%00", "/api/annotations/%F0%9F%92%A9", "/"]) {
      expect(repairUnreadablePath(path), path).toBeNull();
    }
  });

  it("replaces each segment that does not decode, and only those", () => {
    expect(repairUnreadablePath("/api/annotations/%FF")).toBe(`/api/annotations/${UNMATCHABLE_ID}`);
    expect(repairUnreadablePath("/api/classes/%C0%80/members/%ED%A0%80")).toBe(`/api/classes/${UNMATCHABLE_ID}/members/${UNMATCHABLE_ID}`);
    expect(repairUnreadablePath("/essays/ok/errata%E2%82")).toBe(`/essays/ok/${UNMATCHABLE_ID}`);
    expect(repairUnreadablePath("/classes/%")).toBe(`/classes/${UNMATCHABLE_ID}`);
  });
});
