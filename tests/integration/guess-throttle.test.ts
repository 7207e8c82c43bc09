import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { createClass, joinClassByCode } from "@/lib/server/classes/class-writes";
import { changePassword } from "@/lib/server/users/change-password";
import { signUp } from "@/lib/server/users/sign-up";
import { makeUser } from "../support/world";

const saved = { ...process.env };
let code: string;
let counter = 0;

/** "ok", or the AppError code, plus Retry-After when there is one: a sequence of guesses reads as one array. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.code === "rate_limited" && error.retryAfterSeconds! > 0 && /Try again in/.test(error.message) ? "429" : error.code;
  }
}

const join = (userId: string, guess: string, ip?: string) =>
  outcome(joinClassByCode({ userId, code: guess, headers: ip ? { "x-forwarded-for": ip } : {} }));

beforeAll(async () => {
  const teacher = await makeUser("Guess Teacher", "teacher");
  code = (await createClass({ viewerId: teacher.id, name: "Guessing class" })).joinCode;
});
beforeEach(() => {
  process.env.TRUST_PROXY = "0";
});
afterAll(async () => {
  process.env = saved;
  // The overall join-code ceiling is shared by every test file; leave it unspent.
  await db.rateLimit.deleteMany({ where: { key: { startsWith: "guess-join-code:" } } });
});

describe("join-code guesses", () => {
  it("refuses the eleventh wrong code of one student with 429, the right code included", async () => {
    const student = await makeUser("Code Guesser");
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await join(student.id, `WRONG${i}AA`));
    results.push(await join(student.id, code));
    expect(results).toEqual([...Array(10).fill("invalid"), "429"]);
    expect(await db.membership.count({ where: { userId: student.id } })).toBe(0);
    // Another student is not touched by it.
    expect(await join((await makeUser("Other Joiner")).id, code)).toBe("ok");
  });

  it("lets exactly ten of thirty parallel wrong codes be checked", async () => {
    const student = await makeUser("Burst Guesser");
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => join(student.id, `BURST${i}XX`)));
    expect(results.filter((r) => r === "invalid")).toHaveLength(10);
    expect(results.filter((r) => r === "429")).toHaveLength(20);
  });

  it("counts wrong codes only: a student who joins between typos keeps the budget", async () => {
    const student = await makeUser("Typo Joiner");
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await join(student.id, i % 2 ? code : `TYPO${i}ABC`));
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 ? "ok" : "invalid")));
  });

  it("behind a trusted proxy, stops one address guessing across many accounts", async () => {
    process.env.TRUST_PROXY = "1";
    const students = await Promise.all(Array.from({ length: 7 }, (_, i) => makeUser(`Net Guesser ${i}`)));
    const results = [];
    for (const s of students.slice(0, 6)) for (let i = 0; i < 10; i++) results.push(await join(s.id, `NET${i}ABCD`, "192.0.2.77"));
    expect(results).toEqual(Array(60).fill("invalid"));
    expect(await join(students[6].id, code, "192.0.2.77")).toBe("429");
    expect(await join(students[6].id, code, "192.0.2.78")).toBe("ok");
  });

  it("signing up with a code is counted too, per email", async () => {
    const email = `code-signup-${Date.now()}@test.school`;
    const results = [];
    for (let i = 0; i < 11; i++) {
      results.push(await outcome(signUp({ name: "Sign-up Guesser", email, password: "long-enough-pw", joinCode: `SIGN${i}ABC` })));
    }
    expect(results).toEqual([...Array(10).fill("invalid"), "429"]);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("holds everyone together to 600 wrong codes per window, whoever and wherever they are", async () => {
    await db.rateLimit.deleteMany({ where: { key: { startsWith: "guess-join-code:" } } });
    const students = await Promise.all(Array.from({ length: 61 }, (_, i) => makeUser(`Swarm ${i}`)));
    const results: string[] = [];
    for (let batch = 0; batch < 60; batch += 10) {
      const group = students.slice(batch, batch + 10);
      results.push(...(await Promise.all(group.flatMap((s) => Array.from({ length: 10 }, (_, i) => join(s.id, `SWARM${i}AB`))))));
    }
    expect(results).toEqual(Array(600).fill("invalid"));
    expect(await join(students[60].id, code)).toBe("429");
    await db.rateLimit.deleteMany({ where: { key: { startsWith: "guess-join-code:all:" } } });
    expect(await join(students[60].id, code)).toBe("ok");
  });
});

describe("wrong current passwords on a password change", () => {
  async function account() {
    counter += 1;
    return db.user.create({
      data: { name: "Changer", email: `changer-${Date.now()}-${counter}@test.school`, passwordHash: await hashPassword("the-current-one") },
    });
  }
  const change = (viewerId: string, current: string) =>
    outcome(changePassword({ viewerId, sessionToken: null, current, next: "a-brand-new-password" }));

  it("refuses the sixth try after five wrong ones, the right password included, and leaves the password alone", async () => {
    const user = await account();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await change(user.id, `wrong-${i}`));
    results.push(await change(user.id, "the-current-one"));
    expect(results).toEqual([...Array(5).fill("invalid"), "429"]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword("the-current-one", row.passwordHash)).toBe(true);
    const other = await account();
    expect(await change(other.id, "the-current-one")).toBe("ok");
  });

  it("lets exactly five of thirty parallel wrong passwords be checked", async () => {
    const user = await account();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => change(user.id, `parallel-${i}`)));
    expect(results.filter((r) => r === "invalid")).toHaveLength(5);
    expect(results.filter((r) => r === "429")).toHaveLength(25);
  });
});
