import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/signup/route";
import { db } from "@/lib/db";
import { countSignUp } from "@/lib/server/users/sign-up-throttle";

const ORIGIN = "http://localhost:3000";
const WINDOW_MS = 60 * 60_000;
const saved = { ...process.env };
let counter = 0;

/** A sign-up as the form sends it, from `address` as our reverse proxy reports it. */
async function signUpFrom(address: string, fields: Partial<Record<"name" | "email" | "password", string>> = {}) {
  counter += 1;
  const res = await POST(
    new Request(`${ORIGIN}/api/signup`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", "x-forwarded-for": `10.0.0.1, ${address}` },
      body: JSON.stringify({
        name: `Newcomer ${counter}`,
        email: `signup-throttle-${Date.now()}-${counter}@test.school`,
        password: "long-enough-password",
        ...fields,
      }),
    }),
  );
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as { error?: { code: string; message: string } } };
}

/** countSignUp at a given time: "ok" or the error's code. */
async function countAt(address: string, now: Date): Promise<string> {
  try {
    await countSignUp({ headers: { "x-forwarded-for": address }, now });
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

beforeAll(() => {
  Object.assign(process.env, { NEXTAUTH_URL: ORIGIN, SIGNUP_RATE_WINDOW_MS: String(WINDOW_MS), SIGNUP_RATE_IP_MAX: "4" });
});
beforeEach(() => {
  process.env.TRUST_PROXY = "1";
});
afterAll(() => {
  process.env = saved;
});

describe("sign-up throttling per network behind a trusted proxy", () => {
  it("creates four accounts from one address, then answers 429 with a sentence and Retry-After, and creates nothing", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signUpFrom("192.0.2.10")).status);
    expect(statuses).toEqual([201, 201, 201, 201]);

    const refused = await signUpFrom("192.0.2.10", { email: `refused-${Date.now()}@test.school` });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe("rate_limited");
    expect(refused.body.error?.message).toMatch(/^Too many accounts have been created from this network\. Try again in \d+ minutes?/);
    expect(refused.body.error?.message).toContain("ask your teacher to add you to the class");
    const seconds = Number(refused.retryAfter);
    expect(seconds).toBeGreaterThan(WINDOW_MS / 1_000 - 60);
    expect(seconds).toBeLessThanOrEqual(WINDOW_MS / 1_000);
    expect(await db.user.count({ where: { email: { startsWith: "refused-" } } })).toBe(0);

    // Another school is not affected, and the key never holds the address.
    expect((await signUpFrom("192.0.2.11")).status).toBe(201);
    const keys = (await db.rateLimit.findMany({ where: { key: { startsWith: "signup:" } }, select: { key: true } })).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes("192.0.2"))).toBe(false);
  });

  it("lets a whole class of thirty sign up from one school address with the default limit", async () => {
    delete process.env.SIGNUP_RATE_IP_MAX;
    delete process.env.SIGNUP_RATE_WINDOW_MS;
    try {
      const now = new Date();
      const results = [];
      for (let i = 0; i < 60; i++) results.push(await countAt("198.51.100.30", now));
      expect(results).toEqual(Array(60).fill("ok"));
    } finally {
      Object.assign(process.env, { SIGNUP_RATE_WINDOW_MS: String(WINDOW_MS), SIGNUP_RATE_IP_MAX: "4" });
    }
  });

  it("counts only well-formed sign-ups: a malformed one is refused before it is counted", async () => {
    for (let i = 0; i < 6; i++) expect((await signUpFrom("192.0.2.20", { password: "short" })).status).toBe(422);
    expect((await signUpFrom("192.0.2.20")).status).toBe(201);
  });

  it("counts refused attempts too (a taken email), so probing for accounts is throttled", async () => {
    const email = `taken-${Date.now()}@test.school`;
    expect((await signUpFrom("192.0.2.30", { email })).status).toBe(201);
    const again = [];
    for (let i = 0; i < 4; i++) again.push((await signUpFrom("192.0.2.30", { email })).status);
    expect(again).toEqual([409, 409, 409, 429]);
  });

  it("lets the address in again once the window has passed (clock injected)", async () => {
    const start = new Date(Date.now() + 24 * WINDOW_MS);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await countAt("203.0.113.40", start));
    expect(results).toEqual(["ok", "ok", "ok", "ok", "rate_limited"]);
    expect(await countAt("203.0.113.40", new Date(start.getTime() + WINDOW_MS - 1_000))).toBe("rate_limited");
    expect(await countAt("203.0.113.40", new Date(start.getTime() + WINDOW_MS + 1))).toBe("ok");
  });

  it("counts an IPv6 /64 as one network: rotating addresses inside it does not dodge the limit", async () => {
    const now = new Date(Date.now() + 48 * WINDOW_MS);
    const results = [];
    for (let i = 1; i <= 5; i++) results.push(await countAt(`2001:db8:77:1::${i}`, now));
    expect(results).toEqual(["ok", "ok", "ok", "ok", "rate_limited"]);
    expect(await countAt("2001:db8:77:2::1", now)).toBe("ok");
  });
});

describe("sign-up without a trusted proxy", () => {
  it("ignores X-Forwarded-For: the address is only the client's claim, so no per-address budget applies", async () => {
    process.env.TRUST_PROXY = "0";
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await signUpFrom("192.0.2.50")).status);
    expect(statuses).toEqual(Array(6).fill(201));
  });
});
