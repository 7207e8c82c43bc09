import { describe, expect, it } from "vitest";
import { OWNED_ID_NAMESPACE, ownedId } from "@/lib/annotations/owned-id";
import { uuidV5 } from "@/lib/w3c/import-id";

const ANA = "cmana0000000000000000000a";
const BEN = "cmben0000000000000000000b";
const CLIENT_ID = "0b7c3a52-8f1e-4c11-9a5e-2f1d6c7e9b10";

describe("ownedId", () => {
  it("gives one author's retries of one client id the same stored id", () => {
    expect(ownedId(ANA, CLIENT_ID)).toBe(ownedId(ANA, CLIENT_ID));
    expect(ownedId(ANA, CLIENT_ID.toUpperCase())).toBe(ownedId(ANA, CLIENT_ID));
  });

  it("gives two authors sending the same client id two different ids, neither equal to the one sent", () => {
    const ana = ownedId(ANA, CLIENT_ID);
    const ben = ownedId(BEN, CLIENT_ID);
    expect(ana).not.toBe(ben);
    expect([ana, ben]).not.toContain(CLIENT_ID);
    // Sending Ana's stored id as Ben's client id makes yet another id, not hers.
    expect(ownedId(BEN, ana)).not.toBe(ana);
  });

  it("is a version 5 UUID under its own fixed namespace", () => {
    const id = ownedId(ANA, CLIENT_ID);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).toBe(uuidV5(OWNED_ID_NAMESPACE, `${ANA} ${CLIENT_ID}`));
  });
});
