import { isIP } from "node:net";

/** Request headers as next-auth hands them to `authorize`: a plain object, or a Headers. */
export type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

/** One header's value from either shape of HeaderBag. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
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

/**
 * The network an address stands for when counting sign-ups: an IPv4 address
 * itself (a school's NAT is one address), an IPv6 address's /64, because one
 * household or school gets a whole /64 and could rotate through it freely.
 * Returns "ipv6:" plus the first four groups, expanded, e.g.
 * "ipv6:2001:db8:0:0".
 */
export function addressNetwork(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  // An embedded IPv4 tail ("::ffff:1.2.3.4") takes two groups, but never reaches the first four.
  const groups = address.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `ipv6:${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}`;
}
