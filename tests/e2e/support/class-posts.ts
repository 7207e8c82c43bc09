/**
 * A class at work, through the API as the reader sends it: each student
 * signed in over HTTP posts highlights, comments and flags on word spans of
 * the essay, all students at once.
 */
import { randomUUID } from "node:crypto";
import { describe } from "../../../lib/anchoring";
import { sessionRequest } from "./api";
import { requireSession } from "./http-session";
import type { SeededClass } from "./seed-class";

/** A small seeded random source, so a run's passages are the same each time. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** Word spans of the text that stay inside one line of the source (no newline inside). */
function wordSpans(text: string) {
  return [...text.matchAll(/[\p{L}\p{N}’'-]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export interface PostedItem {
  id: string;
  kind: "highlight" | "comment" | "flag";
  authorId: string;
}

/**
 * Every student posts `perStudent` annotations at once (a third of them
 * comments, one in ten a flag), each on 1–6 words; resolves with what was
 * stored, in no particular order. Fails on any answer but 201.
 */
export async function postAsClass(
  baseUrl: string,
  seeded: SeededClass,
  { perStudent, seed = 7, stamp = "" }: { perStudent: number; seed?: number; stamp?: string },
): Promise<PostedItem[]> {
  const next = random(seed);
  const words = wordSpans(seeded.text);
  const cookies = await Promise.all(seeded.students.map((s) => requireSession(baseUrl, s.email, s.password)));
  const posted: PostedItem[] = [];
  await Promise.all(
    seeded.students.map(async (student, i) => {
      for (let n = 0; n < perStudent; n++) {
        const first = Math.floor(next() * words.length);
        let last = Math.min(words.length - 1, first + Math.floor(next() * 6));
        while (last > first && seeded.text.slice(words[first].start, words[last].end).includes("\n")) last--;
        const { quote, position } = describe(seeded.text, words[first].start, words[last].end);
        const selectors = { quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position };
        const roll = next();
        const kind = roll < 0.1 ? "flag" : roll < 0.4 ? "comment" : "highlight";
        const body =
          kind === "flag"
            ? { id: randomUUID(), scope: "class", ...selectors, category: "term_spelling", correction: `${quote.exact} (fixed)`, rationale: doc(`Why ${stamp} ${i}.${n}`), evidence: [], tags: [] }
            : { id: randomUUID(), kind, scope: "class", ...selectors, ...(kind === "comment" ? { body: doc(`Note ${stamp} ${i}.${n}`) } : {}) };
        const url = kind === "flag" ? `/api/assignments/${seeded.assignmentId}/flags` : `/api/assignments/${seeded.assignmentId}/annotations`;
        const res = await sessionRequest(baseUrl, cookies[i], "POST", url, body);
        if (res.status !== 201) throw new Error(`${kind} by student ${i} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
        const { annotation } = (await res.json()) as { annotation: { id: string } };
        posted.push({ id: annotation.id, kind, authorId: student.id });
      }
    }),
  );
  return posted;
}
