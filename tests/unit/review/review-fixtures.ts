import type { AnnotationDTO, AuthorDTO, FlagDTO } from "@/lib/annotations/types";
import type { StudentRowDTO } from "@/lib/review/student-table";
import { flagPart } from "../flags/fixtures";

/** Named people for the dashboard tests. */
export const ana: AuthorDTO = { id: "u-ana", name: "Ana Petrova", isTeacher: false };
export const ben: AuthorDTO = { id: "u-ben", name: "Ben Hughes", isTeacher: false };
export const chloe: AuthorDTO = { id: "u-chloe", name: "Chloe Martin", isTeacher: false };
export const teacher: AuthorDTO = { id: "u-okafor", name: "Ms. Okafor", isTeacher: true };

/** The flag tests' open “1995” → “1955” flag part, found by Ana, no votes. */
export { flagPart };

/** A class-scope highlight by Ana over `span`, as the teacher sees it. */
export function annotationAt(span: { start: number; end: number } | null, overrides: Partial<AnnotationDTO> = {}): AnnotationDTO {
  return {
    id: `a-${span?.start ?? "x"}-${span?.end ?? "x"}`,
    assignmentId: "asg",
    kind: "highlight",
    scope: "class",
    author: ana,
    isMine: false,
    imported: null,
    quote: { exact: "words", prefix: "", suffix: "" },
    position: span ?? { start: 0, end: 5 },
    span,
    anchorStatus: span ? "anchored" : "orphan",
    body: null,
    tags: [],
    version: 1,
    isDeleted: false,
    isHidden: false,
    createdAt: "2026-03-02T09:00:00.000Z",
    updatedAt: "2026-03-02T09:00:00.000Z",
    replies: [],
    ...overrides,
  };
}

/** A flag annotation by Ana on `start`…`start + 4`. */
export function flagAt(id: string, start: number, flag: Partial<FlagDTO> = {}, overrides: Partial<AnnotationDTO> = {}): AnnotationDTO {
  return annotationAt({ start, end: start + 4 }, { id, kind: "flag", flag: flagPart(flag), ...overrides });
}

/** A table row for a student who has done nothing yet. */
export function idleRow(student: AuthorDTO): StudentRowDTO {
  return {
    student: { id: student.id, name: student.name, email: `${student.id}@demo.school` },
    highlights: 0,
    comments: 0,
    replies: 0,
    flags: 0,
    verifiedFlags: 0,
    keyFound: 0,
    keyPartial: 0,
    keyMissed: 0,
    completion: "not_started",
    firstActivityAt: null,
    lastActivityAt: null,
    href: `/essays/e?assignment=asg&student=${student.id}`,
    codeCounts: {},
  };
}
