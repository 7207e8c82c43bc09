import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { SIGN_IN_ERROR } from "@/lib/format/sign-in-errors";
import { isDatabaseUnavailable } from "@/lib/server/http/error-response";
import { isOneTimePasswordExpired } from "./one-time-password";
import { verifyPassword } from "./password";
import { sessionCookie } from "./session-cookie";
import { closeSession, openSession, SESSION_MAX_AGE_S } from "./session-store";
import { beginSignInAttempt, SignInThrottledError } from "./sign-in-throttle";

/** The sign-in form's fields; guard-auth-post.ts reads the email the same way to mark a known device. */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(200),
});

/** next-auth configuration: email + password, server-side session rows. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  // Errors land on our sign-in page as ?error=<code>, which it turns into a sentence.
  pages: { signIn: "/signin", error: "/signin" },
  cookies: { sessionToken: sessionCookie(process.env.NEXTAUTH_URL) },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const attempt = await beginSignInAttempt({ email: parsed.data.email, headers: req?.headers });
          const user = await db.user.findUnique({
            where: { email: parsed.data.email },
            omit: { passwordHash: false },
          });
          const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
          if (!user || !ok) return null;
          await attempt.succeeded();
          // Only after the password proved right, so the answer tells a stranger nothing.
          if (isOneTimePasswordExpired(user)) throw new Error(SIGN_IN_ERROR.expired);
          return { id: user.id, name: user.name, email: user.email };
        } catch (error) {
          // next-auth puts the thrown message in the browser's URL: only codes go there.
          if (error instanceof SignInThrottledError) throw error;
          if (error instanceof Error && error.message === SIGN_IN_ERROR.expired) throw error;
          if (isDatabaseUnavailable(error)) throw new Error(SIGN_IN_ERROR.unavailable);
          console.error("[auth] sign-in failed", error);
          throw new Error(SIGN_IN_ERROR.failed);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // The cookie holds who (sub) and which session row (sid), nothing else: next-auth would
      // also copy the name and email in, and a long name (a legacy row; the forms cap it at 80)
      // would make the cookie too large for the request headers, locking its owner out.
      // Pages read the name from the session row (getViewer), so it is never stale either.
      if (user) return { sub: user.id, sid: await openSession(user.id) };
      return token;
    },
    // getServerSession needs the sid (session-token.ts); the HTTP answer of /api/auth/session
    // drops it before page scripts see it (hide-session-token.ts).
    async session({ session, token }) {
      return { ...session, sid: token.sid, user: { ...session.user, id: token.sub } };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await closeSession(token.sid);
    },
  },
};
