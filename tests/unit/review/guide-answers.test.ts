import { describe, expect, it } from "vitest";
import type { AnnotationDTO, ReplyDTO } from "@/lib/annotations/types";
import { richTextFromPlain } from "@/lib/rich-text";
import { summarizeGuideAnswers } from "@/lib/review/guide-answers";

const roster = [2, 10, 1, 3].map((n) => ({ id: `s${n}`, name: `Student ${n}` }));
const teacher = { id: "t", name: "Ms Teacher", isTeacher: true };

function reply(authorId: string, isDeleted = false): ReplyDTO {
  return {
    id: `r-${authorId}-${Math.random()}`,
    annotationId: "g",
    author: authorId === "t" ? teacher : { id: authorId, name: authorId, isTeacher: false },
    imported: null,
    body: isDeleted ? null : richTextFromPlain("An answer."),
    isDeleted,
    isMine: false,
    version: 1,
    createdAt: "2026-12-07T10:00:00.000Z",
    updatedAt: "2026-12-07T10:00:00.000Z",
  };
}

function item(id: string, start: number, extra: Partial<AnnotationDTO>): AnnotationDTO {
  return {
    id,
    assignmentId: "a",
    kind: "comment",
    scope: "class",
    author: teacher,
    isMine: false,
    imported: null,
    quote: { exact: "words", prefix: "", suffix: "" },
    position: { start, end: start + 5 },
    span: { start, end: start + 5 },
    anchorStatus: "anchored",
    body: richTextFromPlain(`Guide ${id}?`),
    tags: [],
    version: 1,
    isDeleted: false,
    isHidden: false,
    createdAt: "2026-12-07T09:00:00.000Z",
    updatedAt: "2026-12-07T09:00:00.000Z",
    replies: [],
    ...extra,
  };
}

describe("who answered each guiding question", () => {
  it("counts the roster's students with an answer that stands, in text order, names in natural order", () => {
    const summary = summarizeGuideAnswers(
      [
        item("later", 50, { guide: "instruction", replies: [reply("s1")] }),
        // Two answers by one student count once; a deleted answer, a teacher's reply and a stranger's count for nobody.
        item("first", 10, { guide: "question", replies: [reply("s2"), reply("s2"), reply("s3", true), reply("t"), reply("gone")] }),
        item("plain", 20, { replies: [reply("s10")] }),
        item("deleted", 30, { guide: "question", isDeleted: true }),
      ],
      roster,
    );
    expect(summary.map((g) => g.id)).toEqual(["first", "later"]);
    expect(summary[0]).toMatchObject({ guide: "question", text: "Guide first?", answerCount: 4 });
    expect(summary[0].answered.map((s) => s.name)).toEqual(["Student 2"]);
    expect(summary[0].notYet.map((s) => s.name)).toEqual(["Student 1", "Student 3", "Student 10"]);
    expect(summary[1].answered.map((s) => s.id)).toEqual(["s1"]);
  });
});
