import { randomUUID } from "node:crypto";
import type pg from "pg";
import { createTextIndex, describe } from "@/lib/anchoring";
import type { Block } from "@/lib/content";
import { pickAnnotationSpans } from "./edit-workload";
import { createRandom } from "./prng";

/** A create request body as the reader sends it: selectors described on the current revision. */
export interface AnnotationInput {
  id: string;
  kind: "highlight" | "comment";
  scope: "class";
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  body?: unknown;
}

function commentBody(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

const REMARKS = ["Is this date right?", "Compare with the textbook, p. 212.", "Source?", "Loaded language here.", "Good point."];

/** `count` valid highlights and comments (one in five) on word-aligned spans of `text`; fresh ids each call. */
export function makeAnnotationInputs(text: string, blocks: Block[], count: number, seed: number): AnnotationInput[] {
  const r = createRandom(seed);
  const index = createTextIndex(text);
  return pickAnnotationSpans(text, blocks, count, r).map((span) => {
    const { quote, position } = describe(text, span.start, span.end, { index });
    const isComment = r.chance(0.2);
    return {
      id: randomUUID(),
      kind: isComment ? "comment" : "highlight",
      scope: "class",
      quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" },
      position: { start: position.start, end: position.end },
      ...(isComment ? { body: commentBody(r.pick(REMARKS)) } : {}),
    };
  });
}

/** One INSERT of annotation rows, the columns the app's create writes. */
export async function insertAnnotations(
  db: pg.Pool | pg.PoolClient,
  rows: { input: AnnotationInput; authorId: string }[],
  place: { assignmentId: string; revisionId: string },
): Promise<void> {
  const col = <T>(f: (row: (typeof rows)[number]) => T) => rows.map(f);
  await db.query(
    `insert into annotations (id, "assignmentId", "authorId", "revisionId", kind, scope, exact, prefix, suffix, "startCp", "endCp", body, "updatedAt")
     select id, $2, author, $3, kind::"AnnotationKind", 'class', exact, prefix, suffix, s, e, body::jsonb, now()
       from unnest($1::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $11::text[])
         as t(id, author, kind, exact, prefix, suffix, s, e, body)`,
    [
      col((r) => r.input.id),
      place.assignmentId,
      place.revisionId,
      col((r) => r.authorId),
      col((r) => r.input.kind),
      col((r) => r.input.quote.exact),
      col((r) => r.input.quote.prefix),
      col((r) => r.input.quote.suffix),
      col((r) => r.input.position.start),
      col((r) => r.input.position.end),
      col((r) => (r.input.body ? JSON.stringify(r.input.body) : null)),
    ],
  );
}

/** Empties the assignment (replies, flags and the change log go with it) and inserts `count` rows by `authorIds` in turn. */
export async function resetAnnotations(
  db: pg.Pool,
  place: { assignmentId: string; revisionId: string; text: string; blocks: Block[] },
  authorIds: string[],
  count: number,
): Promise<void> {
  await db.query(`delete from annotations where "assignmentId" = $1`, [place.assignmentId]);
  await db.query(`delete from change_events where "assignmentId" = $1`, [place.assignmentId]);
  const inputs = makeAnnotationInputs(place.text, place.blocks, count, count + 17);
  for (let i = 0; i < inputs.length; i += 1000) {
    const batch = inputs.slice(i, i + 1000).map((input, j) => ({ input, authorId: authorIds[(i + j) % authorIds.length] }));
    await insertAnnotations(db, batch, place);
  }
  await db.query(`analyze annotations`);
}
