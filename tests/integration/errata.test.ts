import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { errataToMarkdown } from "@/lib/errata/errata-markdown";
import type { ErrataDocument } from "@/lib/errata/types";
import type { FlagCategory, FlagStatus } from "@/lib/generated/prisma/client";
import { findErrata } from "@/lib/server/errata/find-errata";
import { makeUser, makeWorld, select } from "../support/world";
import { codeOf } from "../support/error-code";

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let text: string;


interface FlagSpec {
  author: { id: string };
  words: string;
  correction: string;
  status: FlagStatus;
  category?: FlagCategory;
  finders?: { id: string }[];
  evidence?: { title: string; author?: string; year?: string; url?: string; locator?: string; quote?: string }[];
  fixedInSourceAt?: Date;
  mergedIntoId?: string;
  anchorStatus?: "anchored" | "replaced";
  hiddenAt?: Date;
}

/** A flag written straight to the database, as if students had posted it and a teacher had ruled on it. */
async function makeFlag(spec: FlagSpec): Promise<string> {
  const id = randomUUID();
  const { quote, position } = select(text, spec.words);
  await db.annotation.create({
    data: {
      id,
      assignmentId: world.assignmentA.id,
      authorId: spec.author.id,
      revisionId: world.revision.id,
      kind: "flag",
      scope: "class",
      ...quote,
      startCp: position.start,
      endCp: position.end,
      anchorStatus: spec.anchorStatus,
      hiddenAt: spec.hiddenAt,
    },
  });
  const finders = spec.finders ?? [spec.author];
  await db.flag.create({
    data: {
      annotationId: id,
      category: spec.category ?? "date_number",
      correction: spec.correction,
      status: spec.status,
      fixedInSourceAt: spec.fixedInSourceAt,
      mergedIntoId: spec.mergedIntoId,
      credits: { create: finders.map((f) => ({ userId: f.id, fromAnnotationId: id })) },
      evidence: { create: (spec.evidence ?? []).map((e, position) => ({ position, ...e })) },
    },
  });
  return id;
}

const ids: Record<string, string> = {};
let forTeacher: ErrataDocument;

beforeAll(async () => {
  world = await makeWorld();
  text = world.revision.text;
  const { ana, ben } = world.users;
  ids.date = await makeFlag({
    author: ana,
    words: "1995",
    correction: "1955",
    status: "verified",
    finders: [ana, ben],
    evidence: [
      { title: "Khrushchev: The Man and His Era", author: "William Taubman", year: "2003", locator: "p. 270", url: "https://example.org/taubman", quote: "set up in late 1955" },
      { title: "A bad link", url: "javascript:alert(1)" },
    ],
  });
  // Created before its neighbour in text order: numbering must follow the text, not creation time.
  ids.party = await makeFlag({ author: ben, words: "Twentieth Part Congress", correction: "Twentieth Party Congress", status: "verified", category: "term_spelling" });
  ids.wider = await makeFlag({ author: ben, words: "1995 the central committee", correction: "1956 the central committee", status: "verified" });
  ids.open = await makeFlag({ author: ben, words: "coarse", correction: "course", status: "open", category: "term_spelling" });
  ids.rejected = await makeFlag({ author: ana, words: "between 1924 and 1953", correction: "between 1934 and 1953", status: "rejected" });
  ids.merged = await makeFlag({ author: ben, words: "1995", correction: "1955", status: "merged", mergedIntoId: ids.date });
  ids.fixed = await makeFlag({ author: ana, words: "Join now!", correction: "", status: "verified", category: "page_artifact", fixedInSourceAt: new Date() });
  // A newer revision rewrote these words (not into the fix): listed, but not applied to words it no longer fits.
  ids.replaced = await makeFlag({ author: ana, words: "Wished to liberate", correction: "Wanted to liberate", status: "verified", anchorStatus: "replaced" });
  ids.hidden = await makeFlag({ author: ben, words: "Molotov and Malenkov", correction: "Molotov and Malenkov (and Kaganovich)", status: "verified", hiddenAt: new Date() });
  forTeacher = await findErrata({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
});

describe("findErrata", () => {
  it("applies verified flags to the text", () => {
    expect(forTeacher.corrected.text).toContain("In 1955 the central committee");
    expect(forTeacher.corrected.text).toContain("the Twentieth Party Congress");
    expect(forTeacher.text).toBe(text);
    const blocks = forTeacher.corrected.blocks;
    expect(blocks).toHaveLength(forTeacher.blocks.length);
    expect(forTeacher.corrected.text.split("\n")).toEqual(blocks.map((b) => forTeacher.corrected.text.slice(b.start, b.end)));
  });

  it("leaves open, rejected, merged and hidden flags out", () => {
    const listed = [...forTeacher.errata, ...forTeacher.alreadyFixed].map((e) => e.id);
    expect(listed).not.toContain(ids.hidden);
    expect(listed).not.toContain(ids.open);
    expect(listed).not.toContain(ids.rejected);
    expect(listed).not.toContain(ids.merged);
    expect(forTeacher.corrected.text).toContain("the coarse of the development");
    expect(forTeacher.corrected.text).toContain("between 1924 and 1953");
  });

  it("numbers errata in text order and reports the overlapping one as skipped", () => {
    expect(forTeacher.errata.map((e) => [e.id, e.number, e.outcome])).toEqual([
      [ids.date, 1, "applied"],
      [ids.wider, 2, "skipped"],
      [ids.party, 3, "applied"],
      [ids.replaced, 4, "skipped"],
    ]);
    expect(forTeacher.errata[1].skip).toEqual({ reason: "overlap", overlapsWith: 1 });
    expect(forTeacher.errata[3].skip).toEqual({ reason: "source_changed" });
    expect(forTeacher.corrected.text).toContain("Wished to liberate");
    const date = forTeacher.errata[0];
    expect(date).toMatchObject({ original: "1995", correction: "1955", categoryLabel: "Wrong date or number", finders: ["Ana", "Ben"] });
    expect(date.evidence.map((e) => e.url)).toEqual(["https://example.org/taubman", null]);
  });

  it("lists flags the source already fixed apart, without changing the text for them", () => {
    expect(forTeacher.alreadyFixed.map((e) => [e.id, e.number, e.outcome, e.original])).toEqual([
      [ids.fixed, null, "fixed_in_source", "Join now!"],
    ]);
    expect(forTeacher.corrected.text).toContain("Join now!");
  });

  it("marks the changes per block for the diff view", () => {
    const changed = forTeacher.pieces.flat().filter((p) => p.kind !== "same");
    expect(changed).toEqual([
      { kind: "removed", text: "1995", erratumNumber: 1 },
      { kind: "inserted", text: "1955", erratumNumber: 1 },
      { kind: "removed", text: "Twentieth Part Congress", erratumNumber: 3 },
      { kind: "inserted", text: "Twentieth Party Congress", erratumNumber: 3 },
    ]);
  });

  it("gives a student of the class the same errata", async () => {
    const forAna = await findErrata({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, slug: "destalinization-origins" });
    expect(forAna.corrected.text).toBe(forTeacher.corrected.text);
    expect(forAna.errata.map((e) => e.id)).toEqual(forTeacher.errata.map((e) => e.id));
  });

  it("follows the peer-flag setting: a student who has not flagged yet sees no classmates' errata", async () => {
    const cara = await makeUser("Cara");
    const { classroomId } = world.assignmentA;
    await db.membership.create({ data: { userId: cara.id, classroomId, role: "student" } });
    const forCara = await findErrata({ viewerId: cara.id, assignmentId: world.assignmentA.id });
    expect(forCara.peerFlagsVisible).toBe(false);
    expect(forCara.errata).toEqual([]);
    expect(forCara.corrected.text).toBe(text);
  });

  it("answers not_found to non-members, unknown assignments and another essay's slug", async () => {
    const { outsider, otherTeacher, teacher } = world.users;
    expect(await codeOf(findErrata({ viewerId: outsider.id, assignmentId: world.assignmentA.id }))).toBe("not_found");
    expect(await codeOf(findErrata({ viewerId: otherTeacher.id, assignmentId: world.assignmentA.id }))).toBe("not_found");
    expect(await codeOf(findErrata({ viewerId: teacher.id, assignmentId: "no-such-assignment" }))).toBe("not_found");
    expect(await codeOf(findErrata({ viewerId: teacher.id, assignmentId: world.assignmentA.id, slug: "another-essay" }))).toBe("not_found");
  });

  it("renders Markdown with the corrected text and the erratum line", () => {
    const markdown = errataToMarkdown(forTeacher);
    expect(markdown).toContain("- In 1955 the central committee set up a commission");
    expect(markdown).toContain(
      "1. “1995” → “1955” — Wrong date or number — found by Ana, Ben — Evidence: Khrushchev: The Man and His Era, William Taubman (2003), p. 270, <https://example.org/taubman>, “set up in late 1955”; A bad link",
    );
    expect(markdown).toContain("2. “1995 the central committee” → “1956 the central committee” — Wrong date or number — found by Ben — not applied: it overlaps erratum 1");
    expect(markdown).toContain("## Already fixed in the source\n\n- “Join now!” → (deleted) — Page artifact or provenance problem — found by Ana");
    expect(markdown).not.toContain("javascript");
  });
});
