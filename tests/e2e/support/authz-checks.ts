/**
 * What the authorization matrix checks in the answers: the expected status;
 * that a refusal reads exactly like the answer to a random id; that no answer
 * carries anything its reader may not see; and that refused writes changed
 * nothing in the database.
 */
import { ITEMS, REPLIES, canSeeItem, secretsOf } from "./authz-model";
import { REFERENCE_GUESS, referenceKey, type MatrixCase } from "./authz-matrix";
import type { CaseResult } from "./authz-runner";
import type { AuthzWorld } from "./authz-world";
import { withDb } from "./seed-class";

export interface Findings {
  /** Something reached someone it must not: a secret in a body, a refusal unlike a random id's, an unexpected success. */
  leaks: string[];
  /** Any other status than the rule's, or a list missing what its reader may see. */
  unexpected: string[];
  /** How many answers were compared with a random id's. */
  compared: number;
}

export function describeCase(c: MatrixCase): string {
  const target = c.target.guess ? `a guessed id (${c.target.guess})` : c.target.key;
  return `${c.route.name} as ${c.actor.label} on ${target}${c.variant === "invalid" ? " with an invalid body" : ""}`;
}

/** `text` without the id the request asked for (as sent, URL-encoded, or as a title): echoing it back reveals nothing. */
function withoutTarget(text: string, targetId: string): string {
  if (!targetId) return text;
  const forms = new Set([targetId, encodeURIComponent(targetId), targetId.replace(/-/g, " ")]);
  return [...forms].reduce((t, form) => t.split(form).join("{target}"), text);
}

const FLIGHT_CHUNK = /<script[^>]*>self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)<\/script>/g;

/**
 * A page's HTML with React's streamed payload taken out of its scripts and
 * apart into its rows, numbers and references to them blanked, in sorted
 * order: the server numbers and sends the rows of one render as they
 * resolve, in as many scripts as the stream happened to flush, so two
 * identical pages can cut, number and order them differently. What the rows
 * say is still compared in full.
 */
function sortedFlight(html: string): string {
  const rows = [...html.matchAll(FLIGHT_CHUNK)].map((m) => JSON.parse(m[1]) as string).join("").split("\n");
  const blanked = rows.map((row) => row.replace(/^[0-9a-f]+:/, "").replace(/"\$[A-Z@]?[0-9a-f]+"/g, '"$ref"'));
  // Suspense boundaries and their segments are numbered in the order they resolve, too.
  const page = html.replace(FLIGHT_CHUNK, "").replace(/\b([BPS]):[0-9a-f]+\b/g, "$1:n");
  return `${page}\n${blanked.sort().join("\n")}`;
}

/** The answer with what legitimately differs between two requests taken out: the script nonce and the id asked for. */
export function normalize(r: Pick<CaseResult, "status" | "contentType" | "body" | "location" | "targetId">): string {
  const body = r.contentType.startsWith("text/html") ? sortedFlight(r.body) : r.body;
  const text = `${r.status} ${r.contentType} ${r.location ?? ""}\n${body}`;
  return withoutTarget(text.replace(/(nonce(?:="|\\":\\"|":"))[A-Za-z0-9+/=]+/g, "$1{nonce}"), r.targetId);
}

/** Each case that must look like a random id, compared with the same request aimed at one. */
function compareWithGuesses(results: readonly CaseResult[]): string[] {
  const references = new Map(results.filter((r) => r.case.target.guess === REFERENCE_GUESS).map((r) => [referenceKey(r.case), r]));
  const leaks: string[] = [];
  for (const r of results) {
    if (!r.case.mustMatchGuess) continue;
    const reference = references.get(referenceKey(r.case));
    if (!reference) throw new Error(`no random-id reference for ${describeCase(r.case)}`);
    const [mine, theirs] = [normalize(r), normalize(reference)];
    if (mine !== theirs) leaks.push(`${describeCase(r.case)}: answered unlike a random id (${firstDifference(mine, theirs)})`);
  }
  return leaks;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 60))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 60))}`;
}

/** Every secret of the case's actor found in its answer. Quotes are looked for only where the essay's text is not. */
function scanForSecrets(world: AuthzWorld, r: CaseResult): string[] {
  const withQuotes = r.case.route.scanQuotes === true;
  const body = withoutTarget(r.body, r.targetId);
  const found: string[] = [];
  for (const key of secretsOf(r.case.actor)) {
    for (const secret of world.secrets.get(key) ?? []) {
      if ((secret.isQuote && !withQuotes) || !body.includes(secret.text)) continue;
      found.push(`${describeCase(r.case)}: the answer (${r.status}) contains ${key}'s ${secret.isQuote ? "quote" : "id or text"} "${secret.text}"`);
    }
  }
  return found;
}

/** What a listing answer lacks of the annotations and replies its reader may see: the scan above found nothing because there was nothing? */
function missingFromList(world: AuthzWorld, r: CaseResult): string[] {
  if (!r.case.route.listsItems || r.case.expected.outcome !== "ok" || r.status !== 200) return [];
  const shown = ITEMS.filter((i) => i.assignment === r.case.target.key && canSeeItem(r.case.actor, i)).map((i) => i.key);
  const keys = [...shown, ...REPLIES.filter((reply) => shown.includes(reply.item)).map((reply) => reply.key)];
  return keys.filter((key) => !r.body.includes(world.values.get(key)!)).map((key) => `${describeCase(r.case)}: lacks ${key}, which its reader may see`);
}

/** Checks every answer; a success where a refusal was due counts as a leak, as does anything found in a body. */
export function judge(world: AuthzWorld, results: readonly CaseResult[]): Findings {
  const leaks = [...compareWithGuesses(results), ...results.flatMap((r) => scanForSecrets(world, r))];
  const unexpected: string[] = results.flatMap((r) => missingFromList(world, r));
  for (const r of results) {
    const { status } = r.case.expected;
    if (r.status === status) continue;
    const line = `${describeCase(r.case)}: expected ${status} (${r.case.expected.outcome}), got ${r.status} ${r.body.slice(0, 160)}`;
    if (r.status < 400 && status >= 400) leaks.push(line);
    else unexpected.push(line);
  }
  return { leaks, unexpected, compared: results.filter((r) => r.case.mustMatchGuess).length };
}

/**
 * Everything a refused write could have touched in the matrix's classes, as
 * one string: annotations, flags, votes, replies, key entries, memberships,
 * classes, settings, readings, and counts of change-log, audit and account rows.
 */
export async function snapshot(world: AuthzWorld): Promise<string> {
  const assignmentIds = world.classes.flatMap((c) => c.assignmentIds);
  const classIds = world.classes.map((c) => c.classId);
  const userIds = world.classes.flatMap((c) => [...c.students, ...c.teachers].map((u) => u.id));
  return withDb(world.databaseUrl, async (client) => {
    const rows = async (sql: string, params: unknown[]) => JSON.stringify((await client.query(sql, params)).rows);
    return [
      await rows(
        `select a.id, a.scope, a.version, a.tags, a."hiddenAt", a."deletedAt", a.body, f.status, f.correction, f."mergedIntoId",
                (select json_agg(json_build_array(v."voterId", v.value) order by v."voterId") from flag_votes v where v."flagId" = a.id) as votes
         from annotations a left join flags f on f."annotationId" = a.id where a."assignmentId" = any($1) order by a.id`,
        [assignmentIds],
      ),
      await rows(
        `select r.id, r.version, r."deletedAt", r.body from replies r join annotations a on a.id = r."annotationId"
         where a."assignmentId" = any($1) order by r.id`,
        [assignmentIds],
      ),
      await rows(`select id from answer_key_entries where "assignmentId" = any($1) order by id`, [assignmentIds]),
      await rows(`select "userId", "classroomId", role from memberships where "userId" = any($1) or "classroomId" = any($2) order by 1, 2`, [userIds, classIds]),
      await rows(`select id, name, "joinCode" from classes where id = any($1) order by id`, [classIds]),
      await rows(`select id, "peerFlagVisibility", "hintVisibility", "updatedAt" from assignments where "classroomId" = any($1) order by id`, [classIds]),
      await rows(
        `select e.id, e.title, e."updatedAt", (select count(*) from essay_revisions r where r."essayId" = e.id) as revisions
         from essays e where e."ownerId" = any($1) order by e.id`,
        [userIds],
      ),
      await rows(
        `select e.id, e.author, e."altText", e."isShared", (select count(*) from source_files f where f."essayId" = e.id) as files,
                (select count(*) from source_jobs j where j."essayId" = e.id) as jobs
         from essays e where e."ownerId" = any($1) and e."sourceKind" <> 'text' order by e.id`,
        [userIds],
      ),
      await rows(`select count(*) from change_events where "assignmentId" = any($1)`, [assignmentIds]),
      await rows(`select count(*) from audit_events where "actorId" = any($1)`, [userIds]),
      await rows(`select count(*) from users where email like '%@authz.school'`, []),
    ].join("\n");
  });
}
