import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { archiveAssignment, deleteAssignment } from "@/lib/server/assignments/archive-assignment";
import { listAssignments } from "@/lib/server/assignments/list-assignments";
import { openSession, readSession } from "@/lib/server/auth/session-store";
import { leaveClass } from "@/lib/server/classes/class-writes";
import { findAssignmentAccess } from "@/lib/server/classes/find-assignment-access";
import { addStudents } from "@/lib/server/classes/add-students";
import { changePassword } from "@/lib/server/users/change-password";
import { admitViewer } from "@/lib/server/http/api-route";
import { AppError } from "@/lib/errors";
import { commentInput, makeWorld } from "../support/world";
import { codeOf } from "../support/error-code";

let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  world = await makeWorld();
});

const text = () => world.revision.text;

describe("a one-time password closes every route but changing it", () => {
  it("refuses the session's user with 403 and the reason until the password is changed, then lets them in", async () => {
    const email = `gate.${Date.now()}@life.school`;
    const [row] = await addStudents({ viewerId: world.users.teacher.id, classroomId: world.assignmentA.classroomId, list: `Gate Student, ${email}` });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const token = await openSession(user.id);
    const viewer = await readSession(token);
    let refusal: unknown;
    try {
      admitViewer(viewer);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(403);
    expect((refusal as AppError).details).toEqual({ reason: "must_change_password" });
    expect((refusal as AppError).message).toMatch(/Choose your own password first/);
    // The password route itself stays open.
    expect(admitViewer(viewer, { beforePasswordChange: true }).id).toBe(user.id);
    await changePassword({ viewerId: user.id, sessionToken: token, current: row.oneTimePassword, next: "my-own-password-1" });
    expect(admitViewer(await readSession(token)).id).toBe(user.id);
    expect(await codeOf(Promise.resolve().then(() => admitViewer(null)))).toBe("unauthenticated");
  });
});

describe("leaving a class", () => {
  it("ends the student's access and keeps their annotations; only students leave, only their own class", async () => {
    const { ana, teacher, outsider } = world.users;
    const made = await createAnnotation({ viewerId: ana.id, assignmentId: world.assignmentA.id, input: commentInput(text(), "Stalin", { comment: "Leaving note." }) });
    expect(await codeOf(leaveClass({ viewerId: outsider.id, classroomId: world.assignmentA.classroomId }))).toBe("not_found");
    expect(await codeOf(leaveClass({ viewerId: teacher.id, classroomId: world.assignmentA.classroomId }))).toBe("not_found");
    await leaveClass({ viewerId: ana.id, classroomId: world.assignmentA.classroomId });
    expect(await findAssignmentAccess({ viewerId: ana.id, assignmentId: world.assignmentA.id })).toBeNull();
    expect((await listAssignments({ viewerId: ana.id })).map((a) => a.id)).not.toContain(world.assignmentA.id);
    expect(await db.annotation.count({ where: { id: made.annotation.id, deletedAt: null } })).toBe(1);
    expect(await codeOf(leaveClass({ viewerId: ana.id, classroomId: world.assignmentA.classroomId }))).toBe("not_found");
  });
});

describe("archiving and deleting an assignment", () => {
  it("archived: gone from students' lists, still the teacher's, read-only for everyone; brought back, writable again", async () => {
    const { ben, teacher, otherTeacher } = world.users;
    const assignmentId = world.assignmentA.id;
    expect(await codeOf(archiveAssignment({ viewerId: ben.id, assignmentId, archived: true }))).toBe("not_found");
    expect(await codeOf(archiveAssignment({ viewerId: otherTeacher.id, assignmentId, archived: true }))).toBe("not_found");
    await archiveAssignment({ viewerId: teacher.id, assignmentId, archived: true });
    expect((await listAssignments({ viewerId: ben.id })).map((a) => a.id)).not.toContain(assignmentId);
    expect((await listAssignments({ viewerId: teacher.id })).find((a) => a.id === assignmentId)?.isArchived).toBe(true);
    // Still readable by its class, but no new annotation.
    expect(await findAssignmentAccess({ viewerId: ben.id, assignmentId })).not.toBeNull();
    const refused = createAnnotation({ viewerId: ben.id, assignmentId, input: commentInput(text(), "Khrushchev") });
    expect(await codeOf(refused)).toBe("conflict");
    await archiveAssignment({ viewerId: teacher.id, assignmentId, archived: false });
    expect(await codeOf(createAnnotation({ viewerId: ben.id, assignmentId, input: commentInput(text(), "Khrushchev") }))).toBe("ok");
  });

  it("deleted: the assignment and its annotations are gone; students and other teachers get 404 and delete nothing", async () => {
    const { outsider, otherTeacher, teacher } = world.users;
    const assignmentId = world.assignmentB.id;
    await createAnnotation({ viewerId: outsider.id, assignmentId, input: commentInput(text(), "Stalin") });
    expect(await codeOf(deleteAssignment({ viewerId: outsider.id, assignmentId }))).toBe("not_found");
    expect(await codeOf(deleteAssignment({ viewerId: teacher.id, assignmentId }))).toBe("not_found");
    expect(await db.annotation.count({ where: { assignmentId } })).toBe(1);
    await deleteAssignment({ viewerId: otherTeacher.id, assignmentId });
    expect(await db.assignment.count({ where: { id: assignmentId } })).toBe(0);
    expect(await db.annotation.count({ where: { assignmentId } })).toBe(0);
  });
});
