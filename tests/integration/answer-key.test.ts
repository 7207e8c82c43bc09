import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { FlagCategory } from "@/lib/annotations/types";
import { createAnswerKeyEntry } from "@/lib/server/answer-key/create-answer-key-entry";
import { deleteAnswerKeyEntry } from "@/lib/server/answer-key/delete-answer-key-entry";
import { findKeyReport } from "@/lib/server/answer-key/find-key-report";
import { listAnswerKey } from "@/lib/server/answer-key/list-answer-key";
import { findAnnotations } from "@/lib/server/annotations/find-annotations";
import { updateAssignmentSettings } from "@/lib/server/assignments/update-assignment-settings";
import { parseInput } from "@/lib/server/http/api-route";
import { addReading } from "@/lib/server/essays/reading-writes";
import { findHintsForAssignment } from "@/lib/server/hints/find-hints-for-assignment";
import { updateAssignmentSettingsSchema } from "@/lib/validation/assignment-settings";
import { codeOf } from "../support/error-code";
import { makeWorld, select } from "../support/world";

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let text: string;

const byHand = (words: string, category: FlagCategory, after = 0) => ({
  source: "selectors" as const,
  ...select(text, words, after),
  category,
  correction: "",
  note: "",
});

beforeAll(async () => {
  world = await makeWorld();
  text = world.revision.text;
});

describe("hints", () => {
  const setHints = (hintVisibility: "never" | "after_due" | "always", dueAt = new Date(Date.now() + 86_400_000)) =>
    db.assignment.update({ where: { id: world.assignmentA.id }, data: { hintVisibility, dueAt } });

  it("shows the teacher every hint, with selectors that describe the text", async () => {
    await setHints("never");
    const list = await findHintsForAssignment({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    expect(list.revisionId).toBe(world.revision.id);
    const year = list.hints.find((h) => h.quote.exact === "1995");
    expect(year).toMatchObject({ kind: "anachronistic-year", category: "date_number", suggestion: "1955" });
    for (const hint of list.hints) {
      expect(text.slice(hint.span.start, hint.span.end)).toBe(hint.quote.exact);
      expect(text.slice(hint.span.start - hint.quote.prefix.length, hint.span.start)).toBe(hint.quote.prefix);
    }
  });

  it("with a budget of 0 (the review page) answers at once that hints not yet computed are being prepared, starts them, and gives them once ready", async () => {
    const teacher = world.users.teacher.id;
    // A reading nobody has asked hints of: in no cache.
    const essay = await addReading({
      viewerId: teacher,
      input: {
        title: "The Treaty of Paris, budget test",
        author: "A teacher",
        source: "Typed by the teacher",
        sourceUrl: "",
        retrieved: "2026-12-01",
        notes: "Written for the budget test.",
        text: "The treaty was signed in 1783. In 1738 the last troops left New York, and in 1784 Congress ratified it.",
        format: "txt",
        isShared: false,
      },
    });
    const classroomId = (await db.assignment.findUniqueOrThrow({ where: { id: world.assignmentA.id } })).classroomId;
    const assignment = await db.assignment.create({ data: { classroomId, essayId: essay.id, dueAt: new Date(Date.now() + 86_400_000) } });
    const ask = { viewerId: teacher, assignmentId: assignment.id };
    const started = Date.now();
    expect(await codeOf(findHintsForAssignment({ ...ask, budgetMs: 0 }))).toBe("unavailable");
    // It did not wait for the worker (whose budget is a minute in these tests, setup-env.ts).
    expect(Date.now() - started).toBeLessThan(5_000);
    const computed = await findHintsForAssignment(ask);
    expect(computed.hints.map((h) => h.quote.exact)).toContain("1738");
    expect(await findHintsForAssignment({ ...ask, budgetMs: 0 })).toEqual(computed);
  });

  it("hides hints from a student while the setting is never, as if there were none", async () => {
    await setHints("never", new Date(Date.now() - 86_400_000));
    expect(await codeOf(findHintsForAssignment({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id }))).toBe(
      "not_found",
    );
  });

  it("shows hints to a student after the due date when the setting is after_due, not before", async () => {
    await setHints("after_due");
    const ask = (now?: Date) => findHintsForAssignment({ viewerId: world.users.ana.id, assignmentId: world.assignmentA.id, now });
    expect(await codeOf(ask())).toBe("not_found");
    expect((await ask(new Date(Date.now() + 2 * 86_400_000))).hints.length).toBeGreaterThan(0);
    await setHints("after_due", new Date(Date.now() - 1000));
    expect((await ask()).hints.length).toBeGreaterThan(0);
  });

  it("shows hints to a student when the setting is always, but never to another class", async () => {
    await setHints("always");
    const student = await findHintsForAssignment({ viewerId: world.users.ben.id, assignmentId: world.assignmentA.id });
    const teacher = await findHintsForAssignment({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
    expect(student.hints).toEqual(teacher.hints);
    for (const outsider of [world.users.outsider, world.users.otherTeacher]) {
      expect(await codeOf(findHintsForAssignment({ viewerId: outsider.id, assignmentId: world.assignmentA.id }))).toBe("not_found");
    }
  });

  it("tells the reader it may ask for hints exactly when the hints route would answer", async () => {
    const past = new Date(Date.now() - 86_400_000);
    const future = new Date(Date.now() + 86_400_000);
    const seen: string[] = [];
    for (const [setting, dueAt] of [["never", past], ["after_due", future], ["after_due", past], ["always", future]] as const) {
      await setHints(setting, dueAt);
      for (const viewer of [world.users.ana, world.users.teacher]) {
        const as = { viewerId: viewer.id, assignmentId: world.assignmentA.id };
        const { hintsVisible } = await findAnnotations(as);
        const answers = (await codeOf(findHintsForAssignment(as))) === "ok";
        expect(hintsVisible, `${viewer.name}, ${setting}, due ${dueAt === past ? "past" : "ahead"}`).toBe(answers);
        seen.push(`${viewer.name}:${hintsVisible}`);
      }
    }
    // Both answers occurred for the student: the comparison was not trivially one-sided.
    expect(seen.filter((s) => s.startsWith("Ana:"))).toEqual(["Ana:false", "Ana:false", "Ana:true", "Ana:true"]);
  });
});

describe("answer key", () => {
  const teacher = () => ({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });
  const hintNamed = async (exact: string) => {
    const { hints } = await findHintsForAssignment(teacher());
    const hint = hints.find((h) => h.quote.exact === exact);
    if (!hint) throw new Error(`no hint on "${exact}"`);
    return hint;
  };

  it("turns a hint into an entry in one step, copying kind, category and suggestion", async () => {
    const hint = await hintNamed("Part Congress");
    const input = { source: "hint" as const, hintId: hint.id, revisionId: world.revision.id };
    const first = await createAnswerKeyEntry({ ...teacher(), input });
    expect(first.isNew).toBe(true);
    expect(first.entry).toMatchObject({
      hintKind: "broken-phrase",
      category: "term_spelling",
      correction: "Party Congress",
      quote: hint.quote,
      position: hint.position,
      isOnCurrentRevision: true,
    });
    const again = await createAnswerKeyEntry({ ...teacher(), input });
    expect(again).toEqual({ entry: first.entry, isNew: false });
    const key = await listAnswerKey(teacher());
    expect(key.entries.filter((e) => e.id === first.entry.id)).toHaveLength(1);
  });

  it("refuses a hint from an older revision, and a hint that does not exist", async () => {
    const hint = await hintNamed("coarse");
    const stale = { source: "hint" as const, hintId: hint.id, revisionId: "an-older-revision" };
    expect(await codeOf(createAnswerKeyEntry({ ...teacher(), input: stale }))).toBe("conflict");
    const made = { source: "hint" as const, hintId: "anachronistic-year@0-4", revisionId: world.revision.id };
    expect(await codeOf(createAnswerKeyEntry({ ...teacher(), input: made }))).toBe("not_found");
  });

  it("accepts honest selectors by hand and refuses tampered ones with invalid", async () => {
    const honest = byHand("Molotov and Malenkov", "unsupported");
    const { entry } = await createAnswerKeyEntry({ ...teacher(), input: { ...honest, correction: "Cite a source." } });
    expect(entry).toMatchObject({ hintKind: null, category: "unsupported", position: { start: honest.position.start, end: honest.position.end } });
    const tampered = [
      { ...honest, quote: { ...honest.quote, exact: "Molotov and Khrushchev" } },
      { ...honest, position: { start: honest.position.start + 1, end: honest.position.end + 1 } },
      { ...honest, quote: { ...honest.quote, suffix: "and nobody else" } },
      { ...honest, position: { start: 999_999, end: 1_000_000 } },
    ];
    for (const input of tampered) expect(await codeOf(createAnswerKeyEntry({ ...teacher(), input }))).toBe("invalid");
    expect(await codeOf(createAnswerKeyEntry({ ...teacher(), input: honest }))).toBe("conflict");
  });

  it("finds typed words by occurrence, forgiving line breaks but not wrong words", async () => {
    const occurrences = text.split("Desalinization").length - 1;
    expect(occurrences).toBeGreaterThan(1);
    const passage = { source: "passage" as const, words: "Desalinization", category: "term_spelling" as const, correction: "De-Stalinization", note: "" };
    const { entry } = await createAnswerKeyEntry({ ...teacher(), input: { ...passage, occurrence: 2 } });
    expect(entry.position.start).toBe(text.indexOf("Desalinization", text.indexOf("Desalinization") + 1));
    const spread = { ...passage, words: "Molotov\n and   Malenkov", category: "contested" as const, occurrence: 1 };
    expect((await createAnswerKeyEntry({ ...teacher(), input: spread })).entry.quote.exact).toBe("Molotov and Malenkov");
    expect(await codeOf(createAnswerKeyEntry({ ...teacher(), input: { ...passage, occurrence: occurrences + 1 } }))).toBe("invalid");
    expect(await codeOf(createAnswerKeyEntry({ ...teacher(), input: { ...passage, words: "Desalinisation", occurrence: 1 } }))).toBe(
      "invalid",
    );
  });

  it("answers not_found to students and other classes' teachers on every key route", async () => {
    const { entries } = await listAnswerKey(teacher());
    const entryId = entries[0].id;
    for (const user of [world.users.ana, world.users.otherTeacher, world.users.outsider]) {
      const as = { viewerId: user.id, assignmentId: world.assignmentA.id };
      expect(await codeOf(listAnswerKey(as))).toBe("not_found");
      expect(await codeOf(createAnswerKeyEntry({ ...as, input: byHand("secret speech", "contested") }))).toBe("not_found");
      expect(await codeOf(deleteAnswerKeyEntry({ viewerId: user.id, entryId }))).toBe("not_found");
      expect(await codeOf(findKeyReport(as))).toBe("not_found");
      expect(await codeOf(updateAssignmentSettings({ ...as, input: { hintVisibility: "always" } }))).toBe("not_found");
    }
    expect((await listAnswerKey(teacher())).entries).toHaveLength(entries.length);
  });

  it("deletes an entry once, with an audit entry", async () => {
    const { entry } = await createAnswerKeyEntry({ ...teacher(), input: byHand("secret speech", "contested") });
    await deleteAnswerKeyEntry({ viewerId: world.users.teacher.id, entryId: entry.id });
    expect((await listAnswerKey(teacher())).entries.some((e) => e.id === entry.id)).toBe(false);
    expect(await codeOf(deleteAnswerKeyEntry({ viewerId: world.users.teacher.id, entryId: entry.id }))).toBe("not_found");
    const audits = await db.auditEvent.findMany({ where: { entityType: "answer_key_entry", entityId: entry.id } });
    expect(audits.map((a) => a.action).sort()).toEqual(["created", "deleted"]);
  });
});

describe("assignment settings", () => {
  const teacher = () => ({ viewerId: world.users.teacher.id, assignmentId: world.assignmentA.id });

  it("changes peer-flag visibility with one audit row and a reload event for readers", async () => {
    await db.assignment.update({ where: { id: world.assignmentA.id }, data: { peerFlagVisibility: "after_own_flag" } });
    const eventsBefore = await db.changeEvent.count({ where: { assignmentId: world.assignmentA.id } });
    const settings = await updateAssignmentSettings({ ...teacher(), input: { peerFlagVisibility: "after_due" } });
    expect(settings.peerFlagVisibility).toBe("after_due");
    const audits = await db.auditEvent.findMany({ where: { entityType: "assignment", entityId: world.assignmentA.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: world.users.teacher.id, action: "settings.updated" });
    expect(JSON.parse(audits[0].fromState!)).toEqual({ peerFlagVisibility: "after_own_flag" });
    expect(JSON.parse(audits[0].toState!)).toEqual({ peerFlagVisibility: "after_due" });
    expect(await db.changeEvent.count({ where: { assignmentId: world.assignmentA.id } })).toBe(eventsBefore + 1);
  });

  it("writes nothing when nothing changes", async () => {
    const before = await db.auditEvent.count({ where: { entityType: "assignment", entityId: world.assignmentA.id } });
    const current = await db.assignment.findUniqueOrThrow({ where: { id: world.assignmentA.id } });
    await updateAssignmentSettings({ ...teacher(), input: { hintVisibility: current.hintVisibility } });
    expect(await db.auditEvent.count({ where: { entityType: "assignment", entityId: world.assignmentA.id } })).toBe(before);
  });

  it("refuses unknown values and empty requests with invalid", () => {
    for (const body of [{}, { hintVisibility: "sometimes" }, { peerFlagVisibility: "always", dueAt: "2030-01-01" }]) {
      expect(() => parseInput(updateAssignmentSettingsSchema, body)).toThrow(expect.objectContaining({ code: "invalid" }));
    }
  });
});
