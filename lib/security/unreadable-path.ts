/**
 * Stands in for a path or query value that can never name a row: not a UUID (client ids are
 * checked as UUIDs), not a cuid (those have no hyphen) and not a slug (those start with a letter or digit).
 */
export const UNMATCHABLE_ID = "-unmatchable-";

/**
 * The path with every segment whose percent-escapes are not UTF-8 (`%FF`, `%C0%80`, a lone
 * surrogate's `%ED%A0%80`) replaced by {@link UNMATCHABLE_ID}; null when every segment decodes.
 * Next decodes dynamic segments itself and answers a segment it cannot decode with a bare 500
 * before any of our code runs, so proxy.ts redirects (307, method and body kept) to the repaired
 * path, which answers as it would for a random id.
 */
export function repairUnreadablePath(pathname: string): string | null {
  let changed = false;
  const segments = pathname.split("/").map((segment) => {
    try {
      decodeURIComponent(segment);
      return segment;
    } catch {
      changed = true;
      return UNMATCHABLE_ID;
    }
  });
  return changed ? segments.join("/") : null;
}
