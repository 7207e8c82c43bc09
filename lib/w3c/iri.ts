import { oneOf, trimEndWhere } from "@/lib/text/trim-where";
/**
 * IRIs for exported documents. The W3C model requires absolute IRIs for `id`,
 * so a misconfigured base URL is a programming error and throws at once rather
 * than producing a file that silently fails conformance.
 */

/** Returns `url` without trailing slashes after checking it is absolute http(s). */
export function requireAbsoluteUrl(url: string, name: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`${name} must be an absolute URL, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TypeError(`${name} must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
  return trimEndWhere(url, oneOf("/"));
}

/** `${baseUrl}/annotations/${id}`, with the id percent-encoded. */
export function annotationIri(baseUrl: string, id: string): string {
  return `${baseUrl}/annotations/${encodeURIComponent(id)}`;
}

/** `${baseUrl}/users/${id}`, with the id percent-encoded. */
export function userIri(baseUrl: string, id: string): string {
  return `${baseUrl}/users/${encodeURIComponent(id)}`;
}

/** The IRI of page `page` (0-based) of a collection: `?page=N` on its id. */
export function pageIri(collectionId: string, page: number): string {
  const url = new URL(collectionId);
  url.searchParams.set("page", String(page));
  return url.href;
}
