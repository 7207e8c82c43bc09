import bcrypt from "bcryptjs";
import type pg from "pg";
import { DEMO_USERS } from "../../prisma/demo-users";
import { mapPool, signIn } from "./http-client";

export const BENCH_PASSWORD = "bench-read-history";

export interface BenchUser {
  id: string;
  email: string;
  /** Cookie header of a signed-in session. */
  cookie: string;
}

/**
 * Adds `count` students to the demo class, straight into the database (one
 * bcrypt hash, cost 10 like the app's, shared by all), then signs each in
 * through the app. Sign-in runs bcrypt on the server, so only two at a time.
 */
export async function createBenchStudents(db: pg.Pool, baseUrl: string, classroomId: string, count: number): Promise<BenchUser[]> {
  const hash = await bcrypt.hash(BENCH_PASSWORD, 10);
  const users = Array.from({ length: count }, (_, i) => ({
    id: `bench-user-${String(i).padStart(3, "0")}`,
    email: `bench${String(i).padStart(3, "0")}@bench.school`,
  }));
  await db.query(
    `insert into users (id, name, email, "passwordHash", "updatedAt")
     select id, 'Bench Student ' || n, email, $3, now() from unnest($1::text[], $2::text[]) with ordinality as u(id, email, n)
     on conflict (email) do nothing`,
    [users.map((u) => u.id), users.map((u) => u.email), hash],
  );
  await db.query(
    `insert into memberships (id, "userId", "classroomId", role)
     select 'bench-member-' || id, id, $2, 'student' from unnest($1::text[]) as u(id)
     on conflict ("userId", "classroomId") do nothing`,
    [users.map((u) => u.id), classroomId],
  );
  const cookies = await mapPool(users, 2, (u) => signIn(baseUrl, u.email, BENCH_PASSWORD));
  return users.map((u, i) => ({ ...u, cookie: cookies[i] }));
}

/** Signs in one demo account ("ana@demo.school", …) and returns its Cookie header. */
export function signInDemo(baseUrl: string, email: string): Promise<string> {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} is not a demo account`);
  return signIn(baseUrl, user.email, user.password);
}
