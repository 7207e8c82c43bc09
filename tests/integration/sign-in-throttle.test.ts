import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SIGN_IN_ERROR } from "@/lib/format/sign-in-errors";
import { authOptions } from "@/lib/server/auth/auth-options";
import { knownDeviceSetCookie } from "@/lib/server/auth/known-device";
import { hashPassword } from "@/lib/server/auth/password";

// Long enough that a slow machine finishes each sequence inside one window (3 s ran out with the load average at 15).
const WINDOW_MS = 8_000;
const PASSWORD = "correct horse battery";
const saved = { ...process.env };
let counter = 0;

/** The credentials provider's authorize, called as next-auth calls it. */
function authorize(email: string, password: string, headers: Record<string, string> = {}) {
  const provider = authOptions.providers[0] as unknown as {
    options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
  };
  return provider.options.authorize({ email, password }, { headers });
}

/** "ok", "wrong" or the error code, so a sequence of attempts reads as one array. */
async function attempt(email: string, password: string, headers?: Record<string, string>): Promise<string> {
  try {
    return (await authorize(email, password, headers)) ? "ok" : "wrong";
  } catch (error) {
    return (error as Error).message;
  }
}

async function makeAccount() {
  counter += 1;
  const email = `throttle-${Date.now()}-${counter}@test.school`;
  await db.user.create({ data: { name: "Throttled", email, passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

const T = SIGN_IN_ERROR.throttled;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The Cookie header of a browser its owner signed in from: the known-device cookie the server sets then. */
const deviceOf = (email: string, secret = process.env.NEXTAUTH_SECRET!) => ({ cookie: `other=1; ${knownDeviceSetCookie(email, secret).split(";")[0]}` });

beforeAll(() => {
  Object.assign(process.env, {
    AUTH_RATE_WINDOW_MS: String(WINDOW_MS),
    AUTH_RATE_ACCOUNT_MAX: "5",
    AUTH_RATE_IP_MAX: "8",
    AUTH_RATE_CEILING_WINDOW_MS: String(WINDOW_MS),
    AUTH_RATE_ACCOUNT_CEILING: "12",
  });
});
beforeEach(() => {
  process.env.TRUST_PROXY = "0";
});
afterAll(() => {
  process.env = saved;
});

describe("sign-in throttling per account", () => {
  it("refuses the sixth try after five wrong passwords, even the right one, and lets the owner in after the window", async () => {
    const email = await makeAccount();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await attempt(email, "guess"));
    results.push(await attempt(email, PASSWORD));
    expect(results).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong", T]);
    await wait(WINDOW_MS + 100);
    expect(await attempt(email, PASSWORD)).toBe("ok");
  });

  it("counts failures only: the owner's own sign-ins do not use up the budget", async () => {
    const email = await makeAccount();
    const results = [];
    for (const password of ["x", PASSWORD, "x", PASSWORD, "x", "x", PASSWORD, "x"]) results.push(await attempt(email, password));
    expect(results).toEqual(["wrong", "ok", "wrong", "ok", "wrong", "wrong", "ok", "wrong"]);
    expect(await attempt(email, PASSWORD)).toBe(T);
  });

  it("lets exactly five guesses through a burst of thirty parallel ones", async () => {
    const email = await makeAccount();
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt(email, "burst")));
    expect(results.filter((r) => r === "wrong")).toHaveLength(5);
    expect(results.filter((r) => r === T)).toHaveLength(25);
  });

  it("lets exactly five through each of five bursts of a hundred, behind a trusted proxy (three counters, seen in one order)", async () => {
    process.env.TRUST_PROXY = "1";
    for (let round = 0; round < 5; round++) {
      const email = await makeAccount();
      const headers = { "x-forwarded-for": `192.0.2.${100 + round}` };
      const results = await Promise.all(Array.from({ length: 100 }, () => attempt(email, "burst", headers)));
      expect(results.filter((r) => r === "wrong"), `round ${round}`).toHaveLength(5);
      expect(results.filter((r) => r === T)).toHaveLength(95);
    }
  });

  it("treats an unknown email like a real one, and never stores the address", async () => {
    const ghost = `nobody-${Date.now()}@test.school`;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt(ghost, "guess"));
    expect(results).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong", T]);
    const rows = await db.rateLimit.findMany({ select: { key: true } });
    expect(rows.some((r) => r.key.includes("@") || r.key.includes(ghost))).toBe(false);
  });

  it("ignores X-Forwarded-For unless TRUST_PROXY=1: rotating it neither dodges nor adds a limit", async () => {
    const email = await makeAccount();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt(email, "guess", { "x-forwarded-for": `203.0.113.${i}` }));
    expect(results.at(-1)).toBe(T);
    // Nine failures on nine accounts from one claimed address: no per-address budget without a trusted proxy.
    const spread = [];
    for (const other of await Promise.all(Array.from({ length: 9 }, makeAccount))) {
      spread.push(await attempt(other, "guess", { "x-forwarded-for": "198.51.100.7" }));
    }
    expect(spread).toEqual(Array(9).fill("wrong"));
  });
});

describe("sign-in throttling per address behind a trusted proxy", () => {
  beforeEach(() => {
    process.env.TRUST_PROXY = "1";
  });

  it("refuses an address after eight failures across accounts, and only that address", async () => {
    const from = (ip: string) => ({ "x-forwarded-for": `10.9.8.7, ${ip}` });
    const [victim, ...accounts] = await Promise.all(Array.from({ length: 9 }, makeAccount));
    const results = [];
    for (const email of accounts) results.push(await attempt(email, "guess", from("192.0.2.50")));
    expect(results).toEqual(Array(8).fill("wrong"));
    expect(await attempt(victim, PASSWORD, from("192.0.2.50"))).toBe(T);
    // The client-written first entry does not matter; the proxy's last one does.
    expect(await attempt(victim, PASSWORD, { "x-forwarded-for": "192.0.2.51, 192.0.2.50" })).toBe(T);
    expect(await attempt(victim, PASSWORD, { "x-forwarded-for": "192.0.2.50, 192.0.2.51" })).toBe("ok");
  });
});

describe("a stranger's guesses do not lock the owner out", () => {
  it("lets the owner in from the browser holding their known-device cookie after five wrong passwords from elsewhere", async () => {
    const email = await makeAccount();
    const stranger = [];
    for (let i = 0; i < 6; i++) stranger.push(await attempt(email, "guess"));
    expect(stranger).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong", T]);
    // Again and again: each sign-in of the owner works while the stranger stays throttled.
    for (let i = 0; i < 3; i++) {
      expect(await attempt(email, PASSWORD, deviceOf(email))).toBe("ok");
      expect(await attempt(email, "guess")).toBe(T);
    }
  });

  it("gives the known device a budget of its own, and accepts no forged, foreign or re-signed cookie", async () => {
    const [email, other] = await Promise.all([makeAccount(), makeAccount()]);
    for (let i = 0; i < 5; i++) await attempt(email, "guess");
    // Another device id under the genuine signature (the first character of the id changed).
    const forged = { cookie: deviceOf(email).cookie.replace(/(=[\w-]+\.)(.)/, (_, head: string, c: string) => head + (c === "A" ? "B" : "A")) };
    expect(await attempt(email, PASSWORD, forged)).toBe(T);
    expect(await attempt(email, PASSWORD, deviceOf(other))).toBe(T);
    expect(await attempt(email, PASSWORD, deviceOf(email, "some-other-secret-0123456789"))).toBe(T);
    // The owner's own typos count against the device's budget only.
    const device = deviceOf(email);
    const own = [];
    for (let i = 0; i < 6; i++) own.push(await attempt(email, "typo", device));
    expect(own).toEqual(["wrong", "wrong", "wrong", "wrong", "wrong", T]);
    expect(await attempt(email, PASSWORD, deviceOf(email))).toBe("ok");
  });

  it("behind a trusted proxy, counts a stranger per account and address: the owner signs in from another address", async () => {
    process.env.TRUST_PROXY = "1";
    const email = await makeAccount();
    const from = (ip: string) => ({ "x-forwarded-for": ip });
    for (let i = 0; i < 5; i++) await attempt(email, "guess", from("198.51.100.20"));
    expect(await attempt(email, PASSWORD, from("198.51.100.20"))).toBe(T);
    expect(await attempt(email, PASSWORD, from("198.51.100.21"))).toBe("ok");
  });

  it("stops a guesser spread over many addresses at the per-account ceiling, but not the owner's known browser", async () => {
    process.env.TRUST_PROXY = "1";
    const email = await makeAccount();
    const spread = [];
    // Twelve addresses, one guess each: no per-address budget comes near its limit.
    for (let i = 0; i < 13; i++) spread.push(await attempt(email, "guess", { "x-forwarded-for": `203.0.113.${100 + i}` }));
    expect(spread).toEqual([...Array(12).fill("wrong"), T]);
    expect(await attempt(email, PASSWORD, { "x-forwarded-for": "203.0.113.200" })).toBe(T);
    expect(await attempt(email, PASSWORD, { "x-forwarded-for": "203.0.113.200", ...deviceOf(email) })).toBe("ok");
  });
});
