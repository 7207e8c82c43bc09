/**
 * The routes of readings made from files in the authorization matrix: the
 * upload, the job's progress, a replacement file, the provenance, the
 * transcription, the stored file and the pages. Pure (bodies read the
 * fixtures when a case is run).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isTeacherAnywhere, sourceReading, type Actor } from "./authz-model";
import type { Ref, RouteTemplate } from "./authz-route-types";

const FIXTURES = path.resolve(__dirname, "../../fixtures/sources");
const signedIn = (who: Actor) => who.key !== "anonymous";
const ownsSource = (who: Actor, key: string) => sourceReading(key)?.owner === who.key;
/** Who may read a file reading's page and file: its owner, or anyone signed in when it is shared (none is assigned). */
const readsSource = (who: Actor, key: string) => ownsSource(who, key) || (signedIn(who) && sourceReading(key)?.isShared === true);

/** A multipart body: `meta` as JSON (when given) and a fixture as `file` (when named). */
export function sourceForm(meta: unknown, file?: string): FormData {
  const form = new FormData();
  if (meta !== undefined) form.set("meta", JSON.stringify(meta));
  if (file) form.set("file", new Blob([readFileSync(path.join(FIXTURES, file))]), file);
  return form;
}

/** The provenance a file reading was seeded with (or a guess's), as the upload and the details form send it. */
export function sourceMeta(title: string, altText: string) {
  return { title, author: "Abraham Lincoln", source: "Typeset for the authorization matrix", retrieved: "2026-12-01", notes: "Public domain.", altText };
}

/** A seeded value of the target, or `fallback` when the target is a guess. */
const seeded = (r: Ref, field: string, fallback: string) => (sourceReading(r.key) ? r.of(`${r.key}.${field}`) : fallback);

export const SOURCE_ROUTES: RouteTemplate[] = [
  {
    name: "POST /api/readings/sources (multipart)",
    method: "POST",
    target: "none",
    path: () => "/api/readings/sources",
    sees: signedIn,
    may: isTeacherAnywhere,
    refusal: 403,
    ok: 202,
    body: (r) => sourceForm(sourceMeta(`Upload ${r.unique()}`, ""), "gettysburg.pdf"),
    invalid: () => sourceForm({ ...sourceMeta("", ""), title: "" }, "gettysburg.pdf"),
  },
  { name: "GET /api/readings/:id/source (the job's progress)", method: "GET", target: "sourceReading", path: (r) => `/api/readings/${r.id}/source`, sees: ownsSource, ok: 200 },
  {
    // The same file again: a new job, which finds the text unchanged.
    name: "PUT /api/readings/:id/source (a replacement file)",
    method: "PUT",
    target: "sourceReading",
    path: (r) => `/api/readings/${r.id}/source`,
    sees: ownsSource,
    ok: 202,
    body: (r) => sourceForm(undefined, sourceReading(r.key)?.file ?? "gettysburg.pdf"),
    // No file at all: refused before the reading is looked up.
    invalid: () => sourceForm(undefined),
  },
  {
    // The details it already has: a success that changes nothing.
    name: "PATCH /api/readings/:id/details",
    method: "PATCH",
    target: "sourceReading",
    path: (r) => `/api/readings/${r.id}/details`,
    sees: ownsSource,
    ok: 200,
    body: (r) => ({ ...sourceMeta(seeded(r, "title", "A guess"), seeded(r, "altText", "")), isShared: sourceReading(r.key)?.isShared ?? false }),
    invalid: () => ({ title: "" }),
  },
  {
    // Only a scan has a transcription; its current text again is a success that makes no revision.
    name: "PATCH /api/readings/:id/transcription",
    method: "PATCH",
    target: "sourceReading",
    path: (r) => `/api/readings/${r.id}/transcription`,
    sees: (who, key) => ownsSource(who, key) && sourceReading(key)?.file.endsWith(".png") === true,
    ok: 200,
    body: (r) => ({ text: seeded(r, "transcription", "A guessed transcription."), revision: Number(seeded(r, "revision", "1")) }),
    invalid: () => ({ text: "", revision: 1 }),
  },
  { name: "GET /api/source-files/:id", method: "GET", target: "sourceFile", path: (r) => `/api/source-files/${r.id}`, sees: readsSource, ok: 200 },
  { name: "page /readings/:id/edit (a file reading)", method: "GET", target: "sourceReading", path: (r) => `/readings/${r.id}/edit`, isPage: true, sees: ownsSource, ok: 200 },
  { name: "page /essays/:slug (a file reading)", method: "GET", target: "sourceSlug", path: (r) => `/essays/${r.id}`, isPage: true, sees: readsSource, ok: 200 },
];
