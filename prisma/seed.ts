/**
 * Demo data: one teacher, three students, the class "History 11B" and its
 * assignment of the seed essay, due in a week. Idempotent: running it again
 * changes nothing. `npm run db:seed` runs it against $DATABASE_URL (or the
 * embedded database); `npm run demo` runs it only for the embedded default.
 */
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/server/auth/password";
import { DEMO_CLASS, DEMO_ESSAY_SLUG, DEMO_JOIN_CODE, DEMO_USERS } from "./demo-users";

export { DEMO_CLASS, DEMO_ESSAY_SLUG, DEMO_JOIN_CODE, DEMO_USERS } from "./demo-users";

/** Creates the demo class if it is missing; the essay must already be synced. */
export async function seedDemoClass(db: Db): Promise<{ assignmentId: string; created: boolean }> {
  const essay = await db.essay.findUnique({ where: { slug: DEMO_ESSAY_SLUG } });
  if (!essay) throw new Error(`The essay "${DEMO_ESSAY_SLUG}" is not in the database: sync the content folder first.`);
  const existing = await db.assignment.findFirst({
    where: { essayId: essay.id, classroom: { name: DEMO_CLASS, joinCode: DEMO_JOIN_CODE } },
  });
  if (existing) return { assignmentId: existing.id, created: false };

  const users: { role: "teacher" | "student"; row: { id: string } }[] = [];
  for (const u of DEMO_USERS) {
    const row = await db.user.upsert({
      where: { email: u.email },
      // The demo teacher administers the demo instance (and so may teach and invite teachers).
      create: { name: u.name, email: u.email, passwordHash: await hashPassword(u.password), accountRole: u.role === "teacher" ? "admin" : "student" },
      update: {},
    });
    users.push({ role: u.role, row });
  }
  const teacher = users.find((u) => u.role === "teacher")!.row;
  return db.$transaction(async (tx) => {
    const classroom = await tx.classroom.create({
      data: {
        name: DEMO_CLASS,
        joinCode: DEMO_JOIN_CODE,
        memberships: { create: users.map((u) => ({ userId: u.row.id, role: u.role })) },
      },
    });
    const assignment = await tx.assignment.create({
      data: {
        classroomId: classroom.id,
        essayId: essay.id,
        dueAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
        createdById: teacher.id,
        minHighlights: 3,
        minComments: 1,
        minFlags: 1,
      },
    });
    return { assignmentId: assignment.id, created: true };
  });
}
