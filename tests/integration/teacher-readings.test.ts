import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClass } from "@/lib/server/classes/class-writes";
import { listTeacherReadings } from "@/lib/server/essays/list-teacher-readings";
import { addReading } from "@/lib/server/essays/reading-writes";
import type { ReadingInput } from "@/lib/validation/reading";
import { makeUser, makeWorld } from "../support/world";

const reading = (title: string): ReadingInput => ({
  title,
  author: "Test",
  source: "Typed by the teacher",
  sourceUrl: "",
  retrieved: "2026-11-20",
  notes: "For the classes page.",
  text: "In 1954 the novel gave its name to a period.",
  format: "txt",
  isShared: false,
});

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;

beforeAll(async () => {
  world = await makeWorld();
});

describe("the readings on a teacher's classes page", () => {
  it("lists the content essay a class reads, though the teacher added no reading", async () => {
    const readings = await listTeacherReadings({ viewerId: world.users.teacher.id });
    expect(readings).toEqual([
      expect.objectContaining({ slug: "destalinization-origins", origin: "file", isOwn: false, classNames: ["Class A"] }),
    ]);
  });

  it("adds the teacher's own readings, assigned ones first, and names only the teacher's own classes", async () => {
    const teacher = await makeUser("Readings Teacher", "teacher");
    expect(await listTeacherReadings({ viewerId: teacher.id })).toEqual([]);
    const classroom = await createClass({ viewerId: teacher.id, name: "History 9" });
    const unassigned = await addReading({ viewerId: teacher.id, input: reading("Aaa, not assigned") });
    const assigned = await addReading({ viewerId: teacher.id, input: reading("Zzz, assigned") });
    const dueAt = new Date(Date.now() + 86_400_000);
    await db.assignment.create({ data: { classroomId: classroom.id, essayId: assigned.id, dueAt } });
    // Another teacher's class reads it too: not this teacher's to see.
    await db.assignment.create({ data: { classroomId: world.assignmentB.classroomId, essayId: assigned.id, dueAt } });

    const readings = await listTeacherReadings({ viewerId: teacher.id });
    expect(readings.map((r) => [r.title, r.origin, r.isOwn, r.classNames])).toEqual([
      ["Zzz, assigned", "teacher", true, ["History 9"]],
      ["Aaa, not assigned", "teacher", true, []],
    ]);
    expect(readings.map((r) => r.id)).toEqual([assigned.id, unassigned.id]);
  });

  it("shows a student nothing: students do not manage readings", async () => {
    expect(await listTeacherReadings({ viewerId: world.users.ana.id })).toEqual([]);
  });
});
