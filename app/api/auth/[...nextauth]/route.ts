import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/auth-options";
import { guardAuthPost } from "@/lib/server/auth/guard-auth-post";
import { hideSessionToken } from "@/lib/server/auth/hide-session-token";

const handler = NextAuth(authOptions);

/** next-auth's GET endpoints; the session JSON goes out without the server-side token. */
export const GET = hideSessionToken(handler);
/** Sign-in and sign-out: same-origin, a bounded form body, 429 when throttled. */
export const POST = guardAuthPost(handler);
