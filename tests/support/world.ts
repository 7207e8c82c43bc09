import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe as describeSpan } from "@/lib/anchoring";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { richTextFromPlain } from "@/lib/rich-text";
import { syncContent } from "@/lib/server/essays/sync-content";
import type { CreateAnnotationInput } from "@/lib/validation/annotation";

const CONTENT = path.resolve(__dirname, "../../content");
let counter = 0;

/** A user with a unique email; a student account unless `accountRole` says otherwise. */
export async function makeUser(name: string, accountRole: "admin" | "teacher" | "student" = "student") {
  counter += 1;
  return db.user.create({ data: { name, accountRole, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}.${counter}@test.school` } });
}

/**
 * Two classes reading the seed essay: class A (teacher, two students) and
 * class B (its own teacher and student), each with an assignment.
 */
export async function makeWorld() {
  await syncContent({ db, dir: CONTENT });
  const essay = await db.essay.findUniqueOrThrow({
    where: { slug: "destalinization-origins" },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const [teacher, ana, ben, otherTeacher, outsider] = await Promise.all(
    ["Teacher A", "Ana", "Ben", "Teacher B", "Olga Outsider"].map((name) => makeUser(name, name.startsWith("Teacher") ? "teacher" : "student")),
  );
  const classA = await db.classroom.create({
    data: {
      name: "Class A",
      joinCode: `A${Date.now()}${counter++}`,
      memberships: {
        create: [
          { userId: teacher.id, role: "teacher" },
          { userId: ana.id, role: "student" },
          { userId: ben.id, role: "student" },
        ],
      },
    },
  });
  const classB = await db.classroom.create({
    data: {
      name: "Class B",
      joinCode: `B${Date.now()}${counter++}`,
      memberships: { create: [{ userId: otherTeacher.id, role: "teacher" }, { userId: outsider.id, role: "student" }] },
    },
  });
  const dueAt = new Date(Date.now() + 7 * 86_400_000);
  const assignmentA = await db.assignment.create({ data: { classroomId: classA.id, essayId: essay.id, dueAt } });
  const assignmentB = await db.assignment.create({ data: { classroomId: classB.id, essayId: essay.id, dueAt } });
  return {
    essay,
    revision: essay.revisions[0],
    users: { teacher, ana, ben, otherTeacher, outsider },
    assignmentA,
    assignmentB,
  };
}

/** Selectors for the first occurrence of `words` in the text (after `after`, if given). */
export function select(text: string, words: string, after = 0) {
  const start = text.indexOf(words, after);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  const { quote, position } = describeSpan(text, start, start + words.length);
  return { quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position };
}

/** A create request as the reader would send it. */
export function commentInput(
  text: string,
  words: string,
  overrides: Partial<CreateAnnotationInput> & { comment?: string } = {},
): CreateAnnotationInput {
  const { comment = "A comment.", ...rest } = overrides;
  return {
    id: randomUUID(),
    kind: "comment",
    scope: "class",
    ...select(text, words),
    body: richTextFromPlain(comment),
    tags: [],
    ...rest,
  };
}

/**
 * Inserts an annotation row directly on class A's assignment, at the first
 * occurrence of `words`: for tests that seed many rows with chosen dates,
 * statuses or scopes the API would not let them set.
 */
export async function insertAnnotationRow(
  world: Awaited<ReturnType<typeof makeWorld>>,
  row: { authorId: string; kind: "highlight" | "comment" | "flag"; words: string } & Partial<
    Pick<Prisma.AnnotationUncheckedCreateInput, "scope" | "body" | "createdAt" | "deletedAt">
  >,
): Promise<string> {
  const id = randomUUID();
  const { quote, position } = select(world.revision.text, row.words);
  await db.annotation.create({
    data: {
      id,
      assignmentId: world.assignmentA.id,
      authorId: row.authorId,
      revisionId: world.revision.id,
      kind: row.kind,
      scope: row.scope ?? "class",
      ...quote,
      startCp: position.start,
      endCp: position.end,
      body: row.body,
      createdAt: row.createdAt,
      deletedAt: row.deletedAt,
    },
  });
  return id;
}
