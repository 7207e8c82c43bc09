/**
 * Every route handler in app/ that changes state, found by reading the files,
 * so a route added tomorrow is covered by the CSRF tests without editing them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const APP = path.resolve(__dirname, "../../../app");
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

export interface MutationRoute {
  /** e.g. app/api/annotations/[id]/route.ts */
  file: string;
  method: (typeof MUTATING)[number];
  /** A concrete URL path for the route, dynamic segments filled in. */
  url: string;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^route\.(?:ts|tsx|js)$/.test(name) ? [full] : [];
  });
}

/** Methods a route module exports, by `export const POST`, `export async function PUT` or `export { x as PATCH }`. */
function exportedMethods(source: string): MutationRoute["method"][] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) names.add(part.trim().split(/\sas\s/).at(-1)!.trim());
  }
  return MUTATING.filter((method) => names.has(method));
}

/** next-auth's catch-all takes its POSTs at these two paths. */
const AUTH_POSTS = ["callback/credentials", "signout"];

/** URL paths for a route file: [id] → a fresh UUID, [...nextauth] → each of next-auth's POST paths. */
function urlsFor(file: string): string[] {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  const fill = (catchAll: string) =>
    `/${segments.map((s) => (s.startsWith("[...") ? catchAll : /^\[[^\]]+\]$/.test(s) ? crypto.randomUUID() : s)).join("/")}`;
  return segments.some((s) => s.startsWith("[...")) ? AUTH_POSTS.map(fill) : [fill("")];
}

/** Every (route, mutating method) pair under app/. */
export function listMutationRoutes(): MutationRoute[] {
  return routeFiles(APP).flatMap((file) =>
    exportedMethods(readFileSync(file, "utf8")).flatMap((method) =>
      urlsFor(file).map((url) => ({ file: path.relative(path.dirname(APP), file), method, url })),
    ),
  );
}
