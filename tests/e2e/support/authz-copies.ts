/**
 * Rows for the authorization matrix that its successful writes use up
 * (an invitation answered, an assignment deleted, a class left): seeded and
 * copied straight in the database, with the same people in the same roles,
 * so each success case gets a target of its own and the world stays whole.
 */
import { randomUUID } from "node:crypto";
import { withDb } from "./seed-class";

/** A pending student invitation to the class, addressed to `email`; returns its id. */
export function insertInvitation(databaseUrl: string, { classId, email, inviterId }: { classId: string; email: string; inviterId: string }) {
  const id = randomUUID();
  return withDb(databaseUrl, async (client) => {
    await client.query(
      `insert into invitations (id, "classroomId", role, email, "inviterId", "expiresAt") values ($1, $2, 'student', $3, $4, now() + interval '14 days')`,
      [id, classId, email, inviterId],
    );
    return id;
  });
}

/** A new assignment of the same class and essay, with the same settings; returns its id. */
export function copyAssignment(databaseUrl: string, assignmentId: string) {
  const id = randomUUID();
  return withDb(databaseUrl, async (client) => {
    await client.query(
      `insert into assignments (id, "classroomId", "essayId", "dueAt", "peerFlagVisibility", "hintVisibility", "updatedAt")
       select $2, "classroomId", "essayId", "dueAt", "peerFlagVisibility", "hintVisibility", now() from assignments where id = $1`,
      [assignmentId, id],
    );
    return id;
  });
}

/** A new class with the same members in the same roles; returns its id. */
export function copyClass(databaseUrl: string, classId: string) {
  const id = randomUUID();
  return withDb(databaseUrl, async (client) => {
    await client.query(`insert into classes (id, name, "joinCode", "updatedAt") values ($1, $2, $3, now())`, [
      id,
      `Copy ${id.slice(0, 8)}`,
      randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase(),
    ]);
    await client.query(
      `insert into memberships (id, "userId", "classroomId", role) select gen_random_uuid()::text, "userId", $2, role from memberships where "classroomId" = $1`,
      [classId, id],
    );
    return id;
  });
}
