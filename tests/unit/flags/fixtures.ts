import type { AnnotationDTO, AuthorDTO, FlagDTO } from "@/lib/annotations/types";

/** Named people for the flag tests. */
export const ana: AuthorDTO = { id: "u-ana", name: "Ana Petrova", isTeacher: false };
export const ben: AuthorDTO = { id: "u-ben", name: "Ben Okafor", isTeacher: false };
export const teacher: AuthorDTO = { id: "u-reed", name: "Ms Reed", isTeacher: true };

/** A flag's structured part: “1995” should read “1955”, open, no votes. */
export function flagPart(overrides: Partial<FlagDTO> = {}): FlagDTO {
  return {
    category: "date_number",
    reviewVersion: 1,
    correction: "1955",
    rationale: null,
    evidence: [],
    status: "open",
    statusReason: null,
    fixedInSource: false,
    mergedIntoId: null,
    votes: { agree: 0, disagree: 0 },
    myVote: null,
    finders: [ana],
    audit: [],
    ...overrides,
  };
}

/** An annotation on “1995” (offsets 10–14), by Ana, as the given viewer sees it. */
export function annotation(overrides: Partial<AnnotationDTO> = {}): AnnotationDTO {
  return {
    id: "a-1",
    assignmentId: "asg",
    kind: "flag",
    scope: "class",
    author: ana,
    isMine: false,
    imported: null,
    quote: { exact: "1995", prefix: "In ", suffix: " the" },
    position: { start: 10, end: 14 },
    span: { start: 10, end: 14 },
    anchorStatus: "anchored",
    body: null,
    tags: [],
    version: 1,
    isDeleted: false,
    isHidden: false,
    createdAt: "2025-11-10T09:00:00.000Z",
    updatedAt: "2025-11-10T09:00:00.000Z",
    replies: [],
    flag: flagPart(),
    ...overrides,
  };
}
