/**
 * A full class for trying the app at the size it is used at: "History 11C",
 * 30 students and the demo teacher, reading the seed essay, with about 20
 * annotations per student (highlights, comments with replies, and flags on
 * the essay's real errors with classmates' votes). Written through the app's
 * own data functions, so every row is what the reader would have made.
 * Idempotent: a second run finds the class and changes nothing.
 *
 * `npm run db:seed -- --full-class` adds it; so does `DEMO_FULL_CLASS=1 npm run demo`.
 */
import { randomUUID } from "node:crypto";
import { describe } from "@/lib/anchoring";
import type { Db } from "@/lib/db";
import { richTextFromPlain } from "@/lib/rich-text";
import { hashPassword } from "@/lib/server/auth/password";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { createFlag } from "@/lib/server/flags/create-flag";
import { voteOnFlag } from "@/lib/server/flags/vote-on-flag";
import { createReply } from "@/lib/server/replies/reply-writes";
import { DEMO_ESSAY_SLUG, DEMO_USERS, FULL_CLASS, FULL_CLASS_JOIN_CODE, FULL_CLASS_PASSWORD, fullClassEmail } from "./demo-users";


const FIRST = ["Amara", "Bilal", "Carmen", "Dmitri", "Elif", "Farah", "Gabriel", "Hana", "Ishaan", "Jonas", "Kemi", "Luca", "Maya", "Nikolai", "Olu", "Priya", "Quentin", "Rosa", "Sami", "Tariq", "Ursula", "Viktor", "Wen", "Ximena", "Yusuf", "Zara", "Anton", "Beatriz", "Chidi", "Daria"];
const LAST = ["Okeke", "Haddad", "Ruiz", "Volkov", "Demir", "Rahman", "Costa", "Sato", "Mehta", "Berg", "Adeyemi", "Rossi", "Cohen", "Petrov", "Balogun", "Iyer", "Martin", "Silva", "Nasser", "Aziz", "Novak", "Kuznetsov", "Li", "Flores", "Kaya", "Ahmed", "Weber", "Santos", "Obi", "Ivanova"];

/** The seed essay's errors as students flag them: the words, which occurrence, the correction and why. */
const ERRORS = [
  { words: "1995", occurrence: 1, category: "date_number", correction: "1955", why: "The commission was set up in late 1955, before the 1956 speech." },
  { words: "Desalinization", occurrence: 1, category: "term_spelling", correction: "De-Stalinization", why: "The title and the rest of the essay are about De-Stalinization." },
  { words: "Desalinization", occurrence: 2, category: "term_spelling", correction: "De-Stalinization", why: "Same garbled term as in the first paragraph." },
  { words: "Part Congress", occurrence: 1, category: "term_spelling", correction: "Party Congress", why: "The Twentieth Party Congress." },
  { words: "coarse", occurrence: 1, category: "term_spelling", correction: "course", why: "\u201cchange the course of\u201d." },
  { words: "Authors Avatar", occurrence: 1, category: "page_artifact", correction: "", why: "Left over from the website, not part of the essay." },
  { words: "Join now!", occurrence: 1, category: "page_artifact", correction: "", why: "A sign-up button from the essay site." },
  { words: "handed badly", occurrence: 1, category: "term_spelling", correction: "handled badly", why: "\u201chandled\u201d, not \u201chanded\u201d." },
] as const;

const REMARKS = [
  "Why would the officials want to look uninvolved?",
  "This links to the secret speech later on.",
  "Is there a source for this claim?",
  "Compare with the textbook, chapter 12.",
  "Interesting choice of words here.",
  "So the commission could not criticise everything?",
  "This is the key turning point.",
  "Who were the invited guests?",
];
const REPLIES = ["Good question.", "I think it was about keeping power.", "Our textbook says the same.", "Agreed.", "Not sure that's right."];

/** A small seeded random source, so every run makes the same class. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

/** Word spans of the essay's text, within one block, for highlights and comments. */
function wordSpans(text: string, blocks: { start: number; end: number }[]) {
  const spans: { start: number; end: number; block: number }[] = [];
  blocks.forEach((b, block) => {
    for (const m of text.slice(b.start, b.end).matchAll(/[\p{L}\p{N}’'-]+/gu)) spans.push({ start: b.start + m.index, end: b.start + m.index + m[0].length, block });
  });
  return spans;
}

function nth(text: string, words: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(words, at + 1);
  return at;
}

/** Adds the full class if it is missing; the essay and the demo teacher must exist (seedDemoClass first). */
export async function seedFullClass(db: Db, { perStudent = 20 }: { perStudent?: number } = {}): Promise<{ assignmentId: string; created: boolean }> {
  const essay = await db.essay.findUnique({ where: { slug: DEMO_ESSAY_SLUG }, include: { revisions: { orderBy: { number: "desc" }, take: 1 } } });
  const teacher = await db.user.findUnique({ where: { email: DEMO_USERS[0].email } });
  if (!essay || !teacher) throw new Error("Seed the demo class first: the full class shares its essay and teacher.");
  const existing = await db.assignment.findFirst({ where: { essayId: essay.id, classroom: { joinCode: FULL_CLASS_JOIN_CODE } } });
  if (existing) return { assignmentId: existing.id, created: false };

  const passwordHash = await hashPassword(FULL_CLASS_PASSWORD);
  const students = await Promise.all(
    FIRST.map((first, i) =>
      db.user.upsert({
        where: { email: fullClassEmail(i + 1) },
        create: { name: `${first} ${LAST[i]}`, email: fullClassEmail(i + 1), passwordHash, accountRole: "student" },
        update: {},
      }),
    ),
  );
  const classroom = await db.classroom.create({
    data: {
      name: FULL_CLASS,
      joinCode: FULL_CLASS_JOIN_CODE,
      memberships: { create: [{ userId: teacher.id, role: "teacher" }, ...students.map((s) => ({ userId: s.id, role: "student" as const }))] },
    },
  });
  const assignment = await db.assignment.create({
    data: {
      classroomId: classroom.id,
      essayId: essay.id,
      dueAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      createdById: teacher.id,
      peerFlagVisibility: "always",
      minHighlights: 5,
      minComments: 2,
      minFlags: 1,
    },
  });

  const revision = essay.revisions[0];
  const text = revision.text;
  const spans = wordSpans(text, revision.blocks as { start: number; end: number }[]);
  const r = random(11);
  const selectors = (start: number, end: number) => {
    const { quote, position } = describe(text, start, end);
    return { quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position };
  };
  const as = (viewerId: string) => ({ viewerId, assignmentId: assignment.id });
  const comments: string[] = [];
  const flags: { id: string; authorId: string }[] = [];

  for (const [i, student] of students.entries()) {
    // Each student flags one or two of the real errors; the rest are highlights and comments.
    const own = [ERRORS[i % ERRORS.length], ...(i % 3 === 0 ? [ERRORS[(i + 3) % ERRORS.length]] : [])];
    for (const e of own) {
      const start = nth(text, e.words, e.occurrence);
      if (start < 0) continue;
      const made = await createFlag({
        ...as(student.id),
        input: {
          id: randomUUID(),
          scope: "class",
          ...selectors(start, start + e.words.length),
          category: e.category,
          correction: e.correction,
          rationale: richTextFromPlain(e.why),
          evidence: [],
          tags: [],
        },
      });
      flags.push({ id: made.annotation.id, authorId: student.id });
    }
    for (let k = own.length; k < perStudent; k++) {
      const first = r.int(0, spans.length - 1);
      let last = Math.min(spans.length - 1, first + r.int(0, 8));
      while (spans[last].block !== spans[first].block) last--;
      const isComment = r.next() < 0.3;
      const made = await createAnnotation({
        ...as(student.id),
        input: {
          id: randomUUID(),
          kind: isComment ? "comment" : "highlight",
          scope: r.next() < 0.9 ? "class" : "private",
          ...selectors(spans[first].start, spans[last].end),
          body: isComment ? richTextFromPlain(r.pick(REMARKS)) : undefined,
          tags: isComment && r.next() < 0.3 ? [r.pick(["question", "evidence", "bias"])] : [],
        },
      });
      if (isComment && made.annotation.scope === "class") comments.push(made.annotation.id);
    }
  }
  for (const id of comments) {
    for (let n = r.int(0, 2); n > 0; n--) {
      await createReply({ viewerId: r.pick(students).id, annotationId: id, input: { id: randomUUID(), body: richTextFromPlain(r.pick(REPLIES)) } });
    }
  }
  for (const flag of flags) {
    for (let n = r.int(0, 4); n > 0; n--) {
      const voter = r.pick(students);
      if (voter.id === flag.authorId) continue;
      await voteOnFlag({ viewerId: voter.id, annotationId: flag.id, value: r.next() < 0.8 ? "agree" : "disagree" });
    }
  }
  return { assignmentId: assignment.id, created: true };
}
