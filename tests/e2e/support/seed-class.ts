/**
 * Seeds rows straight into the e2e database, for specs that need their own
 * accounts (so throttling or load never touches the demo class other specs use).
 */
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import pg from "pg";

/** Runs `work` with a connection to `databaseUrl`, closed afterwards. */
export async function withDb<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface SeededClass {
  assignmentId: string;
  /** The essay's current canonical text, to build valid selectors from. */
  text: string;
  students: { id: string; email: string; password: string }[];
}

/**
 * A class of `count` students (one shared bcrypt hash: hashing 60 times would
 * only slow the test) reading the seed essay, with its own assignment.
 */
export async function seedClass(databaseUrl: string, { count, password, label }: { count: number; password: string; label: string }): Promise<SeededClass> {
  const hash = await bcrypt.hash(password, 10);
  const stamp = `${label}-${Date.now().toString(36)}`;
  return withDb(databaseUrl, async (client) => {
    const { rows: essays } = await client.query<{ essayId: string; text: string }>(
      `select e.id as "essayId", r.text from essays e join essay_revisions r on r."essayId" = e.id
       where e.slug = 'destalinization-origins' order by r.number desc limit 1`,
    );
    const classId = randomUUID();
    const assignmentId = randomUUID();
    await client.query(`insert into classes (id, name, "joinCode", "updatedAt") values ($1, $2, $3, now())`, [classId, `Class ${stamp}`, stamp]);
    await client.query(
      `insert into assignments (id, "classroomId", "essayId", "dueAt", "updatedAt") values ($1, $2, $3, now() + interval '7 days', now())`,
      [assignmentId, classId, essays[0].essayId],
    );
    const students = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), email: `${stamp}-${i}@load.school`, password }));
    await client.query(
      `insert into users (id, name, email, "passwordHash", "updatedAt")
       select id, 'Student ' || n, email, $3, now() from unnest($1::text[], $2::text[]) with ordinality as t(id, email, n)`,
      [students.map((s) => s.id), students.map((s) => s.email), hash],
    );
    await client.query(
      `insert into memberships (id, "userId", "classroomId", role)
       select gen_random_uuid()::text, id, $2, 'student' from unnest($1::text[]) as t(id)`,
      [students.map((s) => s.id), classId],
    );
    return { assignmentId, text: essays[0].text, students };
  });
}
