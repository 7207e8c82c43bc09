import "server-only";

import { UNMATCHABLE_ID } from "@/lib/security/unreadable-path";

export { UNMATCHABLE_ID };

/** Ids, slugs and codes are far shorter; a longer value cannot name anything. */
const MAX_VALUE_LENGTH = 200;

// Control characters, the replacement character, and a surrogate without its partner.
const UNUSABLE_CHARACTER = /[\u0000-\u001f\u007f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether a decoded path or query value can reach a query at all. PostgreSQL refuses U+0000 in
 * text (22021), so `%00` used to be a 500; control characters, over-long values and the
 * replacement character a broken percent-escape leaves behind name nothing either.
 */
export function isUsableValue(value: string): boolean {
  return value.length <= MAX_VALUE_LENGTH && hasOnlyUsableCharacters(value);
}

/** The character half of isUsableValue, for values that may be long (an LTI id_token in a form). */
export function hasOnlyUsableCharacters(value: string): boolean {
  return !UNUSABLE_CHARACTER.test(value);
}

/** One value, made safe: anything unusable becomes {@link UNMATCHABLE_ID}, so it answers exactly as a random id. */
export function safeValue(value: string): string {
  return isUsableValue(value) ? value : UNMATCHABLE_ID;
}

type Values = Record<string, string | string[] | undefined>;

/**
 * Route params or a page's searchParams with every unusable value replaced by
 * {@link UNMATCHABLE_ID}. Pages and the route wrapper call this, so no handler sees `%00`.
 */
export function safeValues<T extends Values>(values: T): T {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === "string" ? safeValue(value) : Array.isArray(value) ? value.map(safeValue) : value;
  }
  return out as T;
}

/** The awaited params (or searchParams) of a page, made safe by {@link safeValues}. */
export async function safePageValues<T extends Values>(values: Promise<T>): Promise<T> {
  return safeValues(await values);
}

/**
 * The request itself when every query value is usable, else a copy whose query has the unusable
 * values replaced, so handlers reading `new URL(req.url).searchParams` get the same treatment.
 */
export function withSafeQuery(req: Request): Request {
  const url = new URL(req.url);
  const entries = [...url.searchParams.entries()];
  if (entries.every(([key, value]) => isUsableValue(key) && isUsableValue(value))) return req;
  url.search = new URLSearchParams(entries.filter(([key]) => isUsableValue(key)).map(([k, v]) => [k, safeValue(v)])).toString();
  return new Request(url, { method: req.method, headers: req.headers, body: req.body, signal: req.signal, duplex: "half" } as RequestInit);
}
