/**
 * Rows the "people and classes" XSS spec writes straight into the e2e
 * database: what the product's own forms would refuse (names over 80
 * characters, as an older version or a hand-edited roster might have left
 * them) and what only many accounts could type (a thread per student).
 * Everything a form accepts goes through the HTTP API in the spec itself.
 */
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { withDb } from "./seed-class";

export interface XssAccount {
  id: string;
  email: string;
  password: string;
}

export interface XssWorld {
  teacher: XssAccount;
  reader: XssAccount;
  essayId: string;
  /** The essay's current revision and its text, to place threads on. */
  revisionId: string;
  text: string;
}

const PASSWORD = "xss-corpus-password";

/**
 * A teacher and a student of their own (so the demo class never sees 333 new
 * classes), with the names given; both sign in with a shared password.
 */
export async function seedXssAccounts(databaseUrl: string, { stamp, teacherName, readerName }: { stamp: string; teacherName: string; readerName: string }): Promise<XssWorld> {
  const hash = await bcrypt.hash(PASSWORD, 10);
  const teacher = { id: randomUUID(), email: `teacher-${stamp}@xss.school`, password: PASSWORD };
  const reader = { id: randomUUID(), email: `reader-${stamp}@xss.school`, password: PASSWORD };
  return withDb(databaseUrl, async (client) => {
    await client.query(
      `insert into users (id, name, email, "passwordHash", "accountRole", "updatedAt")
       values ($1, $2, $3, $5, 'teacher', now()), ($4, $6, $7, $5, 'student', now())`,
      [teacher.id, teacherName, teacher.email, reader.id, hash, readerName, reader.email],
    );
    const { rows } = await client.query<{ essayId: string; revisionId: string; text: string }>(
      `select e.id as "essayId", r.id as "revisionId", r.text from essays e join essay_revisions r on r."essayId" = e.id
       where e.slug = 'destalinization-origins' order by r.number desc limit 1`,
    );
    return { teacher, reader, ...rows[0] };
  });
}

/**
 * Classes named as given (names the API refused), taught by `teacherId`.
 * Returns their ids in order.
 */
export async function seedClasses(databaseUrl: string, { teacherId, names, stamp }: { teacherId: string; names: string[]; stamp: string }): Promise<string[]> {
  const ids = names.map(() => randomUUID());
  await withDb(databaseUrl, async (client) => {
    await client.query(
      `insert into classes (id, name, "joinCode", "updatedAt")
       select id, name, 'X' || $3 || n, now() from unnest($1::text[], $2::text[]) with ordinality as t(id, name, n)`,
      [ids, names, stamp],
    );
    await client.query(
      `insert into memberships (id, "userId", "classroomId", role) select gen_random_uuid()::text, $2, id, 'teacher' from unnest($1::text[]) as t(id)`,
      [ids, teacherId],
    );
  });
  return ids;
}

/** One assignment of the essay in each class, and `studentId` a student of each, so both lists show every class. */
export async function seedClassAssignments(databaseUrl: string, { classIds, essayId, studentId }: { classIds: string[]; essayId: string; studentId: string }) {
  await withDb(databaseUrl, async (client) => {
    await client.query(
      `insert into assignments (id, "classroomId", "essayId", "dueAt", "updatedAt")
       select gen_random_uuid()::text, id, $2, now() + interval '30 days', now() from unnest($1::text[]) as t(id)`,
      [classIds, essayId],
    );
    await client.query(
      `insert into memberships (id, "userId", "classroomId", role) select gen_random_uuid()::text, $2, id, 'student' from unnest($1::text[]) as t(id)
       on conflict ("userId", "classroomId") do nothing`,
      [classIds, studentId],
    );
  });
}

/** Students of `classId` with the names given (names the sign-up form refused); returns their ids in order. */
export async function seedStudents(databaseUrl: string, { classId, names, stamp }: { classId: string; names: string[]; stamp: string }): Promise<string[]> {
  const ids = names.map(() => randomUUID());
  await withDb(databaseUrl, async (client) => {
    await client.query(
      `insert into users (id, name, email, "updatedAt")
       select id, name, 'legacy-' || n || '-' || $3 || '@xss.school', now() from unnest($1::text[], $2::text[]) with ordinality as t(id, name, n)`,
      [ids, names, stamp],
    );
    await client.query(
      `insert into memberships (id, "userId", "classroomId", role) select gen_random_uuid()::text, id, $2, 'student' from unnest($1::text[]) as t(id)`,
      [ids, classId],
    );
  });
  return ids;
}

/** The ids of the users whose email ends with `suffix`, by email. */
export async function findUserIds(databaseUrl: string, suffix: string): Promise<Map<string, string>> {
  return withDb(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string; email: string }>(`select id, email from users where email like '%' || $1`, [suffix]);
    return new Map(rows.map((r) => [r.email, r.id]));
  });
}

/**
 * A class-visible comment by each author on `passage`, each answered by the
 * next author, so every name heads a thread and a reply. Returns nothing: the
 * pages show them.
 */
export async function seedThreads(
  databaseUrl: string,
  { assignmentId, world, passage, authorIds, stamp }: { assignmentId: string; world: XssWorld; passage: string; authorIds: string[]; stamp: string },
) {
  const at = world.text.indexOf(passage);
  if (at < 0) throw new Error(`"${passage}" is not in the essay.`);
  const start = [...world.text.slice(0, at)].length;
  const end = start + [...passage].length;
  const prefix = world.text.slice(Math.max(0, at - 32), at);
  const suffix = world.text.slice(at + passage.length, at + passage.length + 32);
  const ids = authorIds.map(() => randomUUID());
  const body = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  await withDb(databaseUrl, async (client) => {
    await client.query(
      `insert into annotations (id, "assignmentId", "authorId", "revisionId", kind, scope, exact, prefix, suffix, "startCp", "endCp", body, "updatedAt")
       select id, $3, author, $4, 'comment', 'class', $5, $6, $7, $8, $9, body::jsonb, now()
       from unnest($1::text[], $2::text[], $10::text[]) as t(id, author, body)`,
      [ids, authorIds, assignmentId, world.revisionId, passage, prefix, suffix, start, end, authorIds.map((_, i) => body(`${stamp} thread ${i}`))],
    );
    await client.query(
      `insert into replies (id, "annotationId", "authorId", body, "updatedAt")
       select gen_random_uuid()::text, id, author, body::jsonb, now() from unnest($1::text[], $2::text[], $3::text[]) as t(id, author, body)`,
      [ids, authorIds.map((_, i) => authorIds[(i + 1) % authorIds.length]), authorIds.map((_, i) => body(`${stamp} reply ${i}`))],
    );
  });
}

/** Credits everyone in `userIds` with finding `flagId`, as merging their duplicates would. */
export async function seedCredits(databaseUrl: string, { flagId, userIds }: { flagId: string; userIds: string[] }) {
  await withDb(databaseUrl, (client) =>
    client.query(
      `insert into flag_credits (id, "flagId", "userId", "fromAnnotationId")
       select gen_random_uuid()::text, $1, id, $1 from unnest($2::text[]) as t(id) on conflict ("flagId", "userId") do nothing`,
      [flagId, userIds],
    ),
  );
}

/** Renames a class to what no form would take (the name limit is 80 characters). */
export async function renameClass(databaseUrl: string, { classId, name }: { classId: string; name: string }) {
  await withDb(databaseUrl, (client) => client.query(`update classes set name = $2 where id = $1`, [classId, name]));
}

/** The flags of an assignment (e.g. the ones an import wrote), oldest first. */
export async function findFlagIds(databaseUrl: string, assignmentId: string): Promise<string[]> {
  return withDb(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `select id from annotations where "assignmentId" = $1 and kind = 'flag' order by "createdAt", id`,
      [assignmentId],
    );
    return rows.map((r) => r.id);
  });
}
