import { isIP } from "node:net";

/** Request headers as next-auth hands them to `authorize`: a plain object, or a Headers. */
export type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's IP address for rate limiting, or null when it cannot be known.
 *
 * Only behind our own reverse proxy (`trustProxy`) is X-Forwarded-For worth
 * anything, and then only its last entry: that is the address the proxy saw,
 * while everything before it was written by the client. Without a proxy the
 * header is the client's own claim — Next.js fills it from the socket only
 * when the client sent none — so trusting it would let an attacker rotate it
 * to dodge the limit, or write a school's address into it to lock a class out.
 */
export function clientAddress(headers: HeaderBag, { trustProxy }: { trustProxy: boolean }): string | null {
  if (!trustProxy) return null;
  const forwarded = headerValue(headers, "x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  if (!last) return null;
  const address = last.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return isIP(address) ? address : null;
}
