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

export interface SeededUser {
  id: string;
  email: string;
  password: string;
}

export interface SeededClass {
  classId: string;
  name: string;
  joinCode: string;
  /** The first of `assignmentIds`. */
  assignmentId: string;
  assignmentIds: string[];
  essayId: string;
  /** The essay's current canonical text, to build valid selectors from. */
  text: string;
  students: SeededUser[];
  teachers: SeededUser[];
}

/** Per-assignment settings a spec may want other than the defaults. */
export interface SeededAssignment {
  peerFlagVisibility?: "always" | "after_own_flag" | "after_due";
  hintVisibility?: "never" | "after_due" | "always";
}

/**
 * A class of `count` students and `teachers` teachers (one shared bcrypt hash:
 * hashing 60 times would only slow the test) reading the seed essay, with its
 * own assignment, or one per entry of `assignments`.
 */
export async function seedClass(
  databaseUrl: string,
  {
    count,
    password,
    label,
    teachers = 0,
    assignments = [{}],
  }: { count: number; password: string; label: string; teachers?: number; assignments?: SeededAssignment[] },
): Promise<SeededClass> {
  const hash = await bcrypt.hash(password, 10);
  const stamp = `${label}-${Date.now().toString(36)}`;
  return withDb(databaseUrl, async (client) => {
    const { rows: essays } = await client.query<{ essayId: string; text: string }>(
      `select e.id as "essayId", r.text from essays e join essay_revisions r on r."essayId" = e.id
       where e.slug = 'destalinization-origins' order by r.number desc limit 1`,
    );
    const classId = randomUUID();
    // A code the join form accepts (4 to 12 letters and digits), unique per run.
    const joinCode = randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase();
    const name = `Class ${stamp}`;
    await client.query(`insert into classes (id, name, "joinCode", "updatedAt") values ($1, $2, $3, now())`, [classId, name, joinCode]);
    const assignmentIds = assignments.map(() => randomUUID());
    for (const [i, settings] of assignments.entries()) {
      await client.query(
        `insert into assignments (id, "classroomId", "essayId", "dueAt", "peerFlagVisibility", "hintVisibility", "updatedAt")
         values ($1, $2, $3, now() + interval '7 days', $4, $5, now())`,
        [assignmentIds[i], classId, essays[0].essayId, settings.peerFlagVisibility ?? "after_own_flag", settings.hintVisibility ?? "after_due"],
      );
    }
    const people = (role: "student" | "teacher", n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: randomUUID(), email: `${stamp}-${role === "student" ? "" : "t"}${i}@load.school`, password, role }));
    const everyone = [...people("student", count), ...people("teacher", teachers)];
    const columns = [everyone.map((u) => u.id), everyone.map((u) => u.email), everyone.map((u) => u.role)];
    await client.query(
      `insert into users (id, name, email, "passwordHash", "accountRole", "updatedAt")
       select id, initcap(role) || ' ' || n, email, $4, role::"AccountRole", now()
       from unnest($1::text[], $2::text[], $3::text[]) with ordinality as t(id, email, role, n)`,
      [...columns, hash],
    );
    await client.query(
      `insert into memberships (id, "userId", "classroomId", role)
       select gen_random_uuid()::text, id, $4, role::"Role" from unnest($1::text[], $2::text[], $3::text[]) as t(id, email, role)`,
      [...columns, classId],
    );
    const strip = ({ id, email }: SeededUser): SeededUser => ({ id, email, password });
    const students = everyone.filter((u) => u.role === "student").map(strip);
    const staff = everyone.filter((u) => u.role === "teacher").map(strip);
    return { classId, name, joinCode, assignmentId: assignmentIds[0], assignmentIds, essayId: essays[0].essayId, text: essays[0].text, students, teachers: staff };
  });
}
