import { PrismaAdapter } from "@auth/prisma-adapter";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/server/auth/auth-options";
import { hashPassword } from "@/lib/server/auth/password";
import { closeSession, openSession, readSession } from "@/lib/server/auth/session-store";

const email = `adapter-${Date.now()}@test.school`;

describe("next-auth's Prisma adapter on the real database", () => {
  const adapter = PrismaAdapter(db as never);

  it("round-trips a user", async () => {
    const created = await adapter.createUser!({ id: "", name: "Ada Adapter", email, emailVerified: null });
    expect(await adapter.getUser!(created.id)).toMatchObject({ name: "Ada Adapter", email });
    expect(await adapter.getUserByEmail!(email)).toMatchObject({ id: created.id });
    const updated = await adapter.updateUser!({ id: created.id, name: "Ada Lovelace" });
    expect(updated.name).toBe("Ada Lovelace");
  });

  it("round-trips a session: open, read, close", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const token = await openSession(user.id);
    expect(await readSession(token)).toEqual({ id: user.id, name: "Ada Lovelace", email, mustChangePassword: false, accountRole: "student" });
    const stored = await adapter.getSessionAndUser!(token);
    expect(stored?.session.userId).toBe(user.id);
    await closeSession(token);
    expect(await readSession(token)).toBeNull();
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
  });

  it("treats an expired session as signed out", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const token = await openSession(user.id);
    await db.session.update({ where: { sessionToken: token }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await readSession(token)).toBeNull();
  });

  it("never returns the password hash from ordinary queries", async () => {
    await db.user.update({ where: { email }, data: { passwordHash: await hashPassword("correct horse") } });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).not.toHaveProperty("passwordHash");
  });
});

describe("credentials sign-in", () => {
  const authorize = (credentials: Record<string, string>) => {
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> };
    };
    return provider.options.authorize(credentials, {});
  };

  it("accepts the right password, case-insensitive email", async () => {
    expect(await authorize({ email: email.toUpperCase(), password: "correct horse" })).toMatchObject({ email });
  });

  it("refuses a wrong password, an unknown account and malformed input", async () => {
    expect(await authorize({ email, password: "wrong" })).toBeNull();
    expect(await authorize({ email: "nobody@test.school", password: "correct horse" })).toBeNull();
    expect(await authorize({ email: "not an email", password: "" })).toBeNull();
  });

  it("puts only the user id and the session row's token in the cookie's JWT, never the name or email", async () => {
    const user = (await authorize({ email, password: "correct horse" })) as { id: string; name: string; email: string };
    // What next-auth hands the callback at sign-in: its default token carries the name and email.
    const jwt = authOptions.callbacks!.jwt! as (args: { token: Record<string, unknown>; user?: unknown }) => Promise<Record<string, unknown>>;
    const token = await jwt({ token: { name: "x".repeat(40_000), email, picture: null, sub: user.id }, user });
    expect(Object.keys(token).sort()).toEqual(["sid", "sub"]);
    expect(token.sub).toBe(user.id);
    expect(await readSession(token.sid as string)).toMatchObject({ id: user.id, email });
    // Later requests keep the token as it is.
    expect(await jwt({ token })).toEqual(token);
  });
});

describe("changing a one-time password", () => {
  it("checks the current password, clears the mark and closes the other sessions", async () => {
    const { changePassword } = await import("@/lib/server/users/change-password");
    const user = await db.user.update({
      where: { email },
      data: { passwordHash: await hashPassword("handed-out-1"), mustChangePassword: true },
    });
    const here = await openSession(user.id);
    const elsewhere = await openSession(user.id);
    await expect(changePassword({ viewerId: user.id, sessionToken: here, current: "wrong", next: "my-own-password" })).rejects.toThrow(
      /current password/,
    );
    await changePassword({ viewerId: user.id, sessionToken: here, current: "handed-out-1", next: "my-own-password" });
    expect(await readSession(here)).toMatchObject({ mustChangePassword: false });
    expect(await readSession(elsewhere)).toBeNull();
  });
});
