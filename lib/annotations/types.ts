import type { TiptapDoc } from "@/lib/rich-text";
import type { HighlightCodeDTO } from "./highlight-codes";
import type { Region } from "@/lib/sources/regions";

/**
 * What the reader receives about annotations (JSON over the API). Offsets:
 * `position` is the stored W3C TextPositionSelector in code points; `span` is
 * where the annotation sits in the *current* revision's canonical text, in
 * UTF-16 units (ready for String#slice and DOM mapping), or null when it could
 * not be placed there.
 */
export type AnnotationKind = "highlight" | "comment" | "flag";
export type Scope = "private" | "class" | "teachers";
export type AnchorStatus = "anchored" | "fuzzy" | "replaced" | "orphan";
export type ClassRole = "teacher" | "student";

export interface AuthorDTO {
  id: string;
  /** "Classmate 3" when the assignment makes students anonymous to each other. */
  name: string;
  isTeacher: boolean;
}

/**
 * Where an imported item came from. Its author is the teacher who imported
 * it; the file's creator and date are shown only as this text, never as
 * authorship, so an imported item is no one's own work.
 */
export interface ImportedDTO {
  importedAt: string;
  /** The file's creator name (or IRI), if it named one. */
  originalCreator: string | null;
  /** The file's `created` date, if it gave one. */
  originalCreated: string | null;
}

export interface ReplyDTO {
  id: string;
  annotationId: string;
  author: AuthorDTO;
  /** Set when a teacher imported it from a file. */
  imported: ImportedDTO | null;
  /** null once deleted. */
  body: TiptapDoc | null;
  isDeleted: boolean;
  isMine: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface QuoteDTO {
  exact: string;
  prefix: string;
  suffix: string;
}

export type FlagCategory =
  | "date_number"
  | "name_place"
  | "term_spelling"
  | "misquote"
  | "unsupported"
  | "loaded_language"
  | "contested"
  | "page_artifact"
  /** On a scan: the OCR transcription misreads the original. Kept apart from the source's own errors. */
  | "transcription";
export type FlagStatus = "open" | "verified" | "rejected" | "needs_evidence" | "merged";

export interface EvidenceDTO {
  title: string;
  author: string;
  year: string;
  /** http(s) only; checked on the server. */
  url: string | null;
  locator: string;
  quote: string;
}

export interface AuditEntryDTO {
  actor: AuthorDTO | null;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  at: string;
}

/** The structured part of an annotation of kind "flag". */
export interface FlagDTO {
  category: FlagCategory;
  /** Bumped by each teacher decision (review, merge); a decision sends the one it saw. */
  reviewVersion: number;
  /** Replacement for exactly the flagged span; "" means delete it. */
  correction: string;
  rationale: TiptapDoc | null;
  evidence: EvidenceDTO[];
  status: FlagStatus;
  /** The teacher's reason for a rejection or a request for evidence. */
  statusReason: string | null;
  /** Set when a later revision of the source reads as the correction. */
  fixedInSource: boolean;
  /** When merged, the flag it was merged into. */
  mergedIntoId: string | null;
  votes: { agree: number; disagree: number };
  /** The viewer's own vote, if any. */
  myVote: { value: "agree" | "disagree"; reason: string } | null;
  /** Everyone credited with finding it (author + finders of merged flags). */
  finders: AuthorDTO[];
  audit: AuditEntryDTO[];
}

export interface AnnotationDTO {
  id: string;
  assignmentId: string;
  kind: AnnotationKind;
  scope: Scope;
  author: AuthorDTO;
  /** False for everyone when imported. */
  isMine: boolean;
  /** Set when a teacher imported it from a file. */
  imported: ImportedDTO | null;
  quote: QuoteDTO;
  position: { start: number; end: number };
  span: { start: number; end: number } | null;
  /** On a picture reading: the region it marks, in the picture's pixels (its quote is then empty and span null). */
  region?: Region | null;
  anchorStatus: AnchorStatus;
  /** For `replaced`: what the passage reads now in the current revision. */
  currentText?: string;
  /** Tiptap JSON; null for a bare highlight or once deleted. */
  body: TiptapDoc | null;
  tags: string[];
  version: number;
  /** Deleted by its author but kept in place because it has replies. */
  isDeleted: boolean;
  /** Hidden by a teacher: only its author (and teachers) still see it. */
  isHidden: boolean;
  /** The class's highlight code it is marked with (AnnotationListDTO.codes), if any. */
  codeId?: string | null;
  /** A teacher's guiding question or instruction pinned to the passage. */
  guide?: "question" | "instruction" | null;
  /** For the class's teachers, in a group assignment: the group it belongs to (null: the whole class). */
  groupId?: string | null;
  createdAt: string;
  updatedAt: string;
  replies: ReplyDTO[];
  /** Present when kind is "flag". */
  flag?: FlagDTO;
  /**
   * On answers about this one annotation (a write's answer, a single read, a
   * live delta): the change-log position it is current to, i.e. every logged
   * change with an id up to this one is in it. The reader keeps the newest
   * (lib/live/live-list.ts). List items go without: the list's lastEventId
   * says it for all of them.
   */
  asOf?: string;
}

export interface AnnotationListDTO {
  assignmentId: string;
  revisionId: string;
  viewer: { id: string; role: ClassRole };
  /**
   * Whether classmates' flags are shown yet (assignment setting: always, after
   * your own first flag, or after the due date). Teachers always see them.
   */
  peerFlagsVisible: boolean;
  /** Whether the viewer may see the automatic hints now; the reader asks for them only then. */
  hintsVisible: boolean;
  /** Id of the newest change already reflected here: the live stream starts after it. */
  lastEventId: string;
  /** The class's highlight codes, in key order (class metadata: every member reads them). */
  codes: HighlightCodeDTO[];
  annotations: AnnotationDTO[];
}

/** Body of every error response. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/** One live-update event on /api/assignments/:id/events; the client refetches what it names. */
/** What the change log records (lib/server/live/record-change.ts). */
export type ChangeType =
  | "annotation.created"
  | "annotation.updated"
  | "annotation.deleted"
  | "reply.created"
  | "reply.updated"
  | "reply.deleted"
  | "flag.updated"
  | "answer-key.updated";

/**
 * One live change as a reader receives it (lib/server/live/live-hub.ts).
 * A change to a thread carries the thread itself, already filtered and
 * mapped for this reader exactly as the list is, so readers never reload the
 * whole list for one write.
 */
export interface ChangeEventDTO {
  id: string;
  type: ChangeType;
  /** The changed row's id; "*" when the whole assignment changed (a new revision, an import, a setting): reload everything. */
  entityId: string;
  actorId: string | null;
  /**
   * The thread (root annotation) the change is about, as this reader may see
   * it now; `annotation` is null when it is out of their sight now (deleted,
   * hidden, made private): drop it. Absent for changes that are not about a
   * thread (the whole assignment, the answer key).
   */
  thread?: { id: string; annotation: AnnotationDTO | null };
}
