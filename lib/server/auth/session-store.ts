import "server-only";
import { randomBytes } from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import type { AccountRole } from "@/lib/generated/prisma/client";

/** How long a sign-in lasts: a school week. */
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

// next-auth's Prisma adapter owns the session rows. Credentials sign-in needs
// next-auth's JWT strategy, so the JWT carries only the row's token (`sid`)
// and every request checks the row: signing out deletes it, which invalidates
// the cookie everywhere at once.
const adapter = PrismaAdapter(db as never);

/** Creates the server-side session row for a fresh sign-in (an LTI launch passes its own, shorter, lifetime). */
export async function openSession(userId: string, maxAgeS = SESSION_MAX_AGE_S): Promise<string> {
  const sessionToken = randomBytes(32).toString("base64url");
  await adapter.createSession!({ sessionToken, userId, expires: new Date(Date.now() + maxAgeS * 1000) });
  return sessionToken;
}

/**
 * The signed-in user behind a session token, or null when it was closed or
 * expired. Every request asks this, so it is one indexed join, not the
 * adapter's two reads.
 */
export async function readSession(sessionToken: string) {
  const [row] = await db.$queryRaw<{ id: string; name: string | null; email: string; mustChangePassword: boolean; accountRole: AccountRole; expires: Date }[]>`
    select u.id, u.name, u.email, u."mustChangePassword", u."accountRole"::text as "accountRole", s.expires
      from sessions s join users u on u.id = s."userId"
     where s."sessionToken" = ${sessionToken}`;
  // Compared here, as Prisma stores it (UTC), whatever the database session's time zone.
  if (!row || row.expires.getTime() <= Date.now()) return null;
  return { id: row.id, name: row.name ?? "", email: row.email, mustChangePassword: row.mustChangePassword, accountRole: row.accountRole };
}

/** Closes a session: the cookie that carries it stops working. */
export async function closeSession(sessionToken: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken } });
}
