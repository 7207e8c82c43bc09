/**
 * Seeds the authorization matrix's world (authz-model.ts) on the e2e server:
 * classes and accounts straight into the database, everything else through
 * the product's own HTTP routes by the people who would make it, so the
 * change log and audit trail are what a real class leaves behind.
 */
import { randomUUID } from "node:crypto";
import { describe } from "../../../lib/anchoring";
import { sessionRequest } from "./api";
import { requireSession } from "./http-session";
import {
  ASSIGNMENTS,
  ENTRIES,
  INVITATIONS,
  ITEMS,
  READINGS,
  TARGET_ITEMS,
  REPLIES,
  SPARES,
  assignment,
  itemFact,
  replyFact,
  type ActorKey,
  type ClassKey,
  sharesPassageAcrossAudiences,
  type ItemFact,
} from "./authz-model";
import { doc, readingInput } from "./authz-route-types";
import { copyAssignment, copyClass, insertInvitation } from "./authz-copies";
import type { FreshKind } from "./authz-runner";
import { seedSourceReadings } from "./authz-source-world";
import { seedClass, type SeededClass } from "./seed-class";

/** A string that must not reach anyone its fact is secret from; quotes are only looked for where the essay is not. */
export interface Secret {
  text: string;
  isQuote?: boolean;
}

type Selectors = ReturnType<typeof toSelectors>;

export interface AuthzWorld {
  baseUrl: string;
  databaseUrl: string;
  stamp: string;
  cookies: Partial<Record<ActorKey, string>>;
  /** Fact key → id (and `<key>.slug`, `<key>.title`, `<key>.email`, `joinCode.X`, `essay.library`, `user.X`). */
  values: Map<string, string>;
  secrets: Map<string, Secret[]>;
  /** Current version by id. */
  versions: Map<string, number>;
  /** Flag id → its twin's id. */
  twins: Map<string, string>;
  /** Selectors on passages no seeded annotation uses, handed out in turn. */
  nextSpan(): Selectors;
  /** A marker unique to this run. */
  unique(): string;
  classes: SeededClass[];
  /** A fresh copy of a seeded fact (same author, audience, thread…), for a success case to change. */
  freshCopy(kind: FreshKind, key: string): Promise<string>;
}

const PASSWORD = "authz-matrix-pw";
const QUOTE_CHARS = /^[A-Z0-9 ,.;:()-]+$/i;

function toSelectors(text: string, start: number, end: number) {
  const { quote, position } = describe(text, start, end);
  return { quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position };
}

/**
 * Passages of about 24 characters that occur once in the text, inside one
 * block, with plain characters (so they read the same in JSON, CSV and HTML).
 * The first `reserved` keep 80 characters between each other, so no seeded
 * annotation's quote falls in another's 32-character prefix or suffix.
 */
export function choosePassages(text: string, reserved: number): { reserved: [number, number][]; pool: [number, number][] } {
  const candidates: [number, number][] = [];
  // Not in the first block, the essay's title, which exports and page titles repeat.
  for (let start = text.indexOf("\n") + 1; start < text.length - 30; start++) {
    if (start > 0 && /\S/.test(text[start - 1])) continue;
    const end = text.indexOf(" ", start + 20);
    const exact = text.slice(start, end);
    if (end < 0 || !QUOTE_CHARS.test(exact) || text.indexOf(exact) !== text.lastIndexOf(exact)) continue;
    if (candidates.length === 0 || start >= candidates.at(-1)![1] + 2) candidates.push([start, end]);
  }
  const picked: [number, number][] = [];
  for (const c of candidates) if (picked.length < reserved && (picked.length === 0 || c[0] >= picked.at(-1)![1] + 80)) picked.push(c);
  if (picked.length < reserved) throw new Error(`the essay has room for ${picked.length} separate passages, not ${reserved}`);
  return { reserved: picked, pool: candidates.filter((c) => !picked.includes(c)) };
}

export async function seedAuthzWorld(baseUrl: string, databaseUrl: string): Promise<AuthzWorld> {
  const stamp = `q${Date.now().toString(36)}`;
  let counter = 0;
  const unique = () => `${stamp}n${String(counter++).padStart(4, "0")}z`;
  const classSettings = (key: ClassKey) => ASSIGNMENTS.filter((a) => a.classKey === key);
  // Seeded one after another: each class's accounts are stamped with the time.
  const classA = await seedClass(databaseUrl, { count: 4, teachers: 1, password: PASSWORD, label: "authz-a", assignments: classSettings("A") });
  const classB = await seedClass(databaseUrl, { count: 2, teachers: 1, password: PASSWORD, label: "authz-b", assignments: classSettings("B") });
  const classC = await seedClass(databaseUrl, { count: 1, password: PASSWORD, label: "authz-c" });
  const text = classA.text;

  const values = new Map<string, string>();
  const secrets = new Map<string, Secret[]>();
  const versions = new Map<string, number>();
  const twins = new Map<string, string>();
  const users: Record<Exclude<ActorKey, "anonymous">, { id: string; email: string }> = {
    author: classA.students[0],
    classmate: classA.students[1],
    teacher: classA.teachers[0],
    outsider: classB.students[0],
    otherTeacher: classB.teachers[0],
  };
  for (const [key, user] of Object.entries(users)) values.set(`user.${key}`, user.id);
  const spareUsers = [classA.students[2], classA.students[3], classB.students[1], classC.students[0]];
  SPARES.forEach((spare, i) => {
    values.set(spare.key, spareUsers[i].id);
    values.set(`${spare.key}.email`, spareUsers[i].email);
  });
  for (const [key, seeded] of [["A", classA], ["B", classB]] as const) {
    values.set(`class.${key}`, seeded.classId);
    secrets.set(`class.${key}`, [{ text: seeded.classId }, { text: seeded.name }]);
    secrets.set(`joinCode.${key}`, [{ text: seeded.joinCode }]);
  }
  values.set("joinCode.C", classC.joinCode);
  values.set("essay.library", classA.essayId);
  ASSIGNMENTS.forEach((a) => values.set(a.key, (a.classKey === "A" ? classA : classB).assignmentIds[classSettings(a.classKey).indexOf(a)]));

  const cookies: AuthzWorld["cookies"] = {};
  await Promise.all(Object.entries(users).map(async ([key, user]) => (cookies[key as ActorKey] = await requireSession(baseUrl, user.email, PASSWORD))));
  const as = async (who: ActorKey, method: string, path: string, body?: unknown) => {
    const res = await sessionRequest(baseUrl, cookies[who]!, method, path, body);
    const json = (await res.json().catch(() => null)) as Record<string, Record<string, string>> | null;
    if (!res.ok) throw new Error(`seeding: ${who} ${method} ${path} answered ${res.status} ${JSON.stringify(json)}`);
    return json!;
  };
  const teacherOf = (classKey: ClassKey): ActorKey => (classKey === "A" ? "teacher" : "otherTeacher");

  // Each item has a passage of its own, except twins and merged flags, which share their partner's.
  const passageOf = (fact: ItemFact) => fact.twinOf ?? fact.mergedInto ?? fact.key;
  const withOwnPassage = ITEMS.filter((i) => !i.twinOf && !i.mergedInto);
  const passages = choosePassages(text, withOwnPassage.length + ENTRIES.length);
  const spanOf = new Map(withOwnPassage.map((t, i) => [t.key, toSelectors(text, ...passages.reserved[i])]));
  let nextPool = 0;
  const nextSpan = () => toSelectors(text, ...passages.pool[nextPool++ % passages.pool.length]);

  /** Creates one annotation as its author would (and hides it as the teacher would); returns its id. */
  async function createItem(fact: ItemFact, twinOfId?: string): Promise<string> {
    const marker = unique();
    const span = spanOf.get(passageOf(fact))!;
    const scope = fact.audience === "hidden" || fact.wasForClass ? "class" : fact.audience;
    const assignmentId = values.get(fact.assignment)!;
    const correction = `fix ${stamp} ${passageOf(fact)}`;
    // The stored id is the author's own (ownedId), not the client id sent.
    const made =
      fact.kind === "comment"
        ? await as(fact.author, "POST", `/api/assignments/${assignmentId}/annotations`, { id: randomUUID(), kind: "comment", scope, ...span, body: doc(`Comment ${marker}`) })
        : await as(fact.author, "POST", `/api/assignments/${assignmentId}/flags`, { id: randomUUID(), scope, ...span, category: "date_number", correction, rationale: doc(`Rationale ${marker}`) });
    const id = made.annotation.id;
    if (fact.audience === "hidden") await as(teacherOf(assignment(fact.assignment).classKey), "POST", `/api/annotations/${id}/hide`, { hidden: true });
    if (fact.wasForClass) await as(fact.author, "PATCH", `/api/annotations/${id}`, { version: 1, scope: fact.audience });
    versions.set(id, fact.wasForClass ? 2 : 1);
    if (twinOfId) twins.set(twinOfId, id);
    const shared = sharesPassageAcrossAudiences(fact) ? [] : [{ text: span.quote.exact, isQuote: true }, ...(fact.kind === "flag" ? [{ text: correction }] : [])];
    secrets.set(fact.key, [...(secrets.get(fact.key) ?? []), { text: id }, { text: marker }, ...shared]);
    return id;
  }

  async function createReply(key: string): Promise<string> {
    const fact = replyFact(key);
    const marker = unique();
    const id = (await as(fact.author, "POST", `/api/annotations/${values.get(fact.item)}/replies`, { id: randomUUID(), body: doc(`Reply ${marker}`) })).reply.id;
    versions.set(id, 1);
    secrets.set(key, [...(secrets.get(key) ?? []), { text: id }, { text: marker }]);
    return id;
  }

  async function createEntry(key: string, span: Selectors): Promise<string> {
    const a = assignment(key.split(".")[0] as "A1" | "B1");
    const note = unique();
    const { entry } = await as(teacherOf(a.classKey), "POST", `/api/assignments/${values.get(a.key)}/answer-key`, {
      source: "passage",
      words: span.quote.exact,
      category: "date_number",
      correction: "x",
      note: `Note ${note}`,
    });
    secrets.set(key, [...(secrets.get(key) ?? []), { text: entry.id }, { text: note }, { text: span.quote.exact, isQuote: true }]);
    return entry.id;
  }

  for (const reading of READINGS) {
    const title = `Reading ${unique()}`;
    const { essay } = await as(reading.owner, "POST", "/api/readings", readingInput(title));
    values.set(reading.key, essay.id);
    values.set(`${reading.key}.slug`, essay.slug);
    values.set(`${reading.key}.title`, title);
    secrets.set(reading.key, [{ text: essay.id }, { text: title }, { text: essay.slug }]);
  }
  await seedSourceReadings({ baseUrl, databaseUrl, cookies, values, secrets, unique });
  // Group assignments get their groups before anything is written in them.
  for (const a of ASSIGNMENTS.filter((x) => x.groups)) {
    const names = [...new Set(Object.values(a.groups!))];
    const groups = names.map((name) => ({
      name,
      memberIds: Object.entries(a.groups!).filter(([, g]) => g === name).map(([who]) => users[who as Exclude<ActorKey, "anonymous">].id),
    }));
    await as(teacherOf(a.classKey), "PUT", `/api/assignments/${values.get(a.key)}/groups`, { groups });
  }
  // Items first, then hiding (inside createItem), then replies: a reply after hiding must stay as hidden as its thread.
  await Promise.all(withOwnPassage.map(async (fact) => values.set(fact.key, await createItem(fact))));
  await Promise.all(ITEMS.filter((i) => i.twinOf).map(async (twin) => values.set(twin.key, await createItem(twin, values.get(twin.twinOf!)))));
  await Promise.all(ITEMS.filter((i) => i.mergedInto).map(async (fact) => values.set(fact.key, await createItem(fact))));
  for (const fact of ITEMS.filter((i) => i.mergedInto)) {
    const teacher = teacherOf(assignment(fact.assignment).classKey);
    await as(teacher, "POST", `/api/flags/${values.get(fact.key)}/merge`, { intoId: values.get(fact.mergedInto!) });
  }
  await Promise.all(REPLIES.map(async (reply) => values.set(reply.key, await createReply(reply.key))));
  // The teacher verifies every flag they can see, so the errata have something to leak.
  for (const fact of TARGET_ITEMS.filter((i) => i.kind === "flag" && i.audience !== "private")) {
    await as(teacherOf(assignment(fact.assignment).classKey), "POST", `/api/flags/${values.get(fact.key)}/review`, { status: "verified", reason: "" });
  }
  for (const [i, entry] of ENTRIES.entries()) {
    values.set(entry.key, await createEntry(entry.key, toSelectors(text, ...passages.reserved[withOwnPassage.length + i])));
  }

  async function createInvitation(key: string): Promise<string> {
    const fact = INVITATIONS.find((i) => i.key === key)!;
    const to = users[fact.to as Exclude<ActorKey, "anonymous">];
    const id = await insertInvitation(databaseUrl, { classId: values.get(`class.${fact.classKey}`)!, email: to.email, inviterId: users[teacherOf(fact.classKey) as Exclude<ActorKey, "anonymous">].id });
    secrets.set(key, [...(secrets.get(key) ?? []), { text: id }]);
    return id;
  }
  for (const invitation of INVITATIONS) values.set(invitation.key, await createInvitation(invitation.key));

  async function freshCopy(kind: FreshKind, key: string): Promise<string> {
    if (kind === "invitation") return createInvitation(key);
    if (kind === "assignment") return copyAssignment(databaseUrl, values.get(key)!);
    if (kind === "class") return copyClass(databaseUrl, values.get(key)!);
    if (kind === "reply") return createReply(key);
    if (kind === "entry") return createEntry(key, nextSpan());
    const fact = itemFact(key);
    const id = await createItem(fact);
    if (fact.kind === "flag") await createItem({ ...fact, twinOf: fact.key }, id);
    return id;
  }

  return { baseUrl, databaseUrl, stamp, cookies, values, secrets, versions, twins, nextSpan, unique, classes: [classA, classB, classC], freshCopy };
}
