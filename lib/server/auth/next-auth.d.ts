import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** Token of the server-side session row (see lib/server/auth/session-store.ts). */
    sid?: string;
  }
}
