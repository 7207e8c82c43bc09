import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/auth-options";
import { guardAuthPost } from "@/lib/server/auth/guard-auth-post";

const handler = NextAuth(authOptions);

export { handler as GET };
/** Sign-in and sign-out: same-origin, a bounded form body, 429 when throttled. */
export const POST = guardAuthPost(handler);
