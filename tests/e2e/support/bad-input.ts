/**
 * The bad-input suite's route list, generators and database snapshot. Routes and pages are read
 * from app/ (as the CSRF tests do), so a route added tomorrow is fuzzed without editing this file.
 * Generated values come from fast-check with a fixed seed: CI replays the same cases every run.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { withDb } from "./seed-class";

const APP = path.resolve(__dirname, "../../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

/** The seed every generator uses; change it to explore, keep it fixed to reproduce. */
export const SEED = 20261202;

export interface Endpoint {
  /** e.g. app/api/annotations/[id]/route.ts */
  file: string;
  method: Method;
  isPage: boolean;
  /** Whether the handler reads its JSON body; one that does not (regenerate a join code) would act on any body. */
  readsBody: boolean;
  /** Path segments, dynamic ones as "[name]". */
  segments: string[];
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

function exportedMethods(source: string): Method[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) names.add(part.trim().split(/\sas\s/).at(-1)!.trim());
  }
  return METHODS.filter((method) => names.has(method));
}

/** Whether `export const METHOD = apiRoute(async ({ ..., json }) => ...)` takes `json`; other forms count as reading it. */
function readsBody(source: string, method: Method): boolean {
  const args = new RegExp(`export const ${method}\\s*=\\s*apiRoute[^(]*\\(\\s*async\\s*\\(\\{([^}]*)\\}`).exec(source);
  return method !== "GET" && (!args || /\bjson\b/.test(args[1]));
}

/** Every route handler's methods and every page, found under app/. next-auth's catch-all is its own library's. */
export function listEndpoints(): Endpoint[] {
  const segmentsOf = (file: string) => path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  const routes = filesUnder(APP, /^route\.tsx?$/)
    .filter((file) => !file.includes("[...nextauth]"))
    .flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return exportedMethods(source).map((method) => ({ file, method, isPage: false, readsBody: readsBody(source, method) }));
    });
  const pages = filesUnder(APP, /^page\.tsx$/).map((file) => ({ file, method: "GET" as const, isPage: true, readsBody: false }));
  return [...routes, ...pages].map((e) => ({ ...e, file: path.relative(path.dirname(APP), e.file), segments: segmentsOf(e.file) }));
}

/** The URL of an endpoint with each dynamic segment given by `fill` (already URL-encoded). */
export function urlOf(endpoint: Endpoint, fill: (name: string, before: string) => string, query = ""): string {
  const parts = endpoint.segments.map((s, i) => (/^\[[^\]]+\]$/.test(s) ? fill(s.slice(1, -1), endpoint.segments[i - 1] ?? "") : s));
  return `/${parts.join("/")}${query}`;
}

/** Every query parameter a page or route reads, so each one gets a hostile value. */
export const QUERY_KEYS = ["assignment", "annotation", "student", "since", "code", "callbackUrl", "error", "signedOut", "format", "scope"];

const percent = (bytes: Uint8Array) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join("");
const encodeText = (text: string) => percent(new TextEncoder().encode(text));

/**
 * A path segment or query value, URL-encoded as sent: NUL and control bytes, invalid UTF-8
 * (overlong, lone surrogates, stray continuation bytes), over-long values, SQL and path tricks,
 * then arbitrary bytes and arbitrary text.
 */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "%00",
    "abc%00",
    "%00%00%00",
    "cmabc%00def",
    "%01",
    "%1F",
    "%7F",
    "%FF",
    "%C0%80",
    "%C0%AF",
    "%ED%A0%80",
    "%80",
    "%E2%82",
    "%EF%BF%BD",
    "%E2%80%AE",
    "%F0%9F%92%A9",
    "a".repeat(300),
    "9".repeat(5000),
    "%27%20or%201%3D1--",
    "%25",
    "%25%30%30",
    "%5C..%5C",
    "null",
    "undefined",
    "__proto__",
    "constructor",
    "-1",
    "1e309",
  ),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map(percent),
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }).map(encodeText),
  fc.string({ minLength: 201, maxLength: 400 }).map(encodeText),
  // "." and ".." (even encoded) are dot segments: the URL parser removes them before anything is sent.
).filter((v) => !/^(?:%2E){1,2}$/i.test(v));

/** Field names the app's schemas read, so generated bodies reach the checks behind them. */
const BODY_KEYS = [
  "id", "kind", "scope", "quote", "position", "body", "tags", "version", "value", "reason", "intoId", "hidden", "status",
  "correction", "rationale", "evidence", "category", "essayId", "dueAt", "instructions", "peerFlagVisibility", "hintVisibility",
  "anonymousPeers", "minHighlights", "minComments", "minFlags", "title", "author", "source", "sourceUrl", "retrieved", "notes",
  "text", "format", "isShared", "name", "email", "emails", "list", "code", "password", "currentPassword", "newPassword",
  "hintId", "annotationId", "studentId", "items", "type", "target", "first", "@context", "__proto__", "constructor",
];

const nested = (levels: number, inner = "1") => `${"[".repeat(levels)}${inner}${"]".repeat(levels)}`;

/**
 * One field's value, never a valid one: wrong types, numbers no field accepts (no small positive
 * integer, so a guessed `version` cannot match), odd strings, NUL, dates out of range, deep nesting.
 */
const hostileField: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "null", "[]", "{}", '""', '"   "', '"\\u0000"', '"a\\u0000b"', '"\\ud800"', '"\\uffff"', '"\\u202e"', '"NaN"',
    "-1", "0", "1.5", "1e308", "-1e308", "9007199254740993", "2147483648", "-2147483649",
    '"+010000-01-01T00:00:00.000Z"', '"0000-01-01"', '"9999-12-31T23:59:59-05:00"', '"2026-02-30"', '"<script>alert(1)</script>"',
    '"../../etc/passwd"', `"${"x".repeat(6000)}"`, '{"type":"doc","content":"x"}', '{"__proto__":{"polluted":1}}', '[{"start":-1,"end":1e9}]',
    nested(150), nested(250), `{"type":"doc","content":${nested(300, '{"type":"paragraph"}')}}`,
  ),
  // Booleans are left out: `hidden: true` is a valid hide, not bad input.
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)).filter((s) => !/^[1-9]\d?$|^(?:true|false)$/.test(s)),
);

/** A JSON body text: an object of hostile fields, not an object at all, or very deeply nested. */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(fc.constantFrom(...BODY_KEYS), hostileField), { minLength: 1, maxLength: 6 }).map(
    (fields) => `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`,
  ) },
  { weight: 1, arbitrary: fc.constantFrom("[]", '"text"', "12", "null", nested(100_000), `{"a":${nested(5_000)}}`, '{"a":1,"a":2}') },
);

/** `count` values of `arbitrary`, the same on every run. */
export function samples<T>(arbitrary: fc.Arbitrary<T>, count: number, offset = 0): T[] {
  return fc.sample(arbitrary, { seed: SEED + offset, numRuns: count });
}

/**
 * Every row of the seeded class that a request could change, as one string: the class, its
 * memberships and assignment (due date and settings included), annotations, flags, votes,
 * replies, answer-key entries, change-log and audit counts, and its people's accounts.
 */
export async function snapshotClass(databaseUrl: string, classId: string): Promise<string> {
  return withDb(databaseUrl, async (client) => {
    const rows = async (sql: string) => JSON.stringify((await client.query(sql, [classId])).rows);
    const assignments = `(select id from assignments where "classroomId" = $1)`;
    const people = `(select "userId" from memberships where "classroomId" = $1)`;
    return [
      await rows(`select id, name, "joinCode", "updatedAt" from classes where id = $1`),
      await rows(`select "userId", role from memberships where "classroomId" = $1 order by 1`),
      await rows(`select id, "dueAt"::text, "peerFlagVisibility", "hintVisibility", "anonymousPeers", instructions, "updatedAt" from assignments where "classroomId" = $1 order by id`),
      await rows(`select a.*, f.status, f.correction, f."mergedIntoId" from annotations a left join flags f on f."annotationId" = a.id where a."assignmentId" in ${assignments} order by a.id`),
      await rows(`select r.* from replies r join annotations a on a.id = r."annotationId" where a."assignmentId" in ${assignments} order by r.id`),
      await rows(`select v.* from flag_votes v join annotations a on a.id = v."flagId" where a."assignmentId" in ${assignments} order by v.id`),
      await rows(`select id from answer_key_entries where "assignmentId" in ${assignments} order by id`),
      await rows(`select count(*) from change_events where "assignmentId" in ${assignments}`),
      await rows(`select count(*) from audit_events where "actorId" in ${people}`),
      await rows(`select id, name, email, "passwordHash", "updatedAt" from users where id in ${people} order by id`),
      await rows(`select id, title, "updatedAt" from essays where "ownerId" in ${people} order by id`),
    ].join("\n");
  });
}
