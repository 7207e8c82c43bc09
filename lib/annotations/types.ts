import type { TiptapDoc } from "@/lib/rich-text";

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

export interface ReplyDTO {
  id: string;
  annotationId: string;
  author: AuthorDTO;
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

export interface AnnotationDTO {
  id: string;
  assignmentId: string;
  kind: AnnotationKind;
  scope: Scope;
  author: AuthorDTO;
  isMine: boolean;
  quote: QuoteDTO;
  position: { start: number; end: number };
  span: { start: number; end: number } | null;
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
  createdAt: string;
  updatedAt: string;
  replies: ReplyDTO[];
}

export interface AnnotationListDTO {
  assignmentId: string;
  revisionId: string;
  viewer: { id: string; role: ClassRole };
  /** Id of the newest change already reflected here: the live stream starts after it. */
  lastEventId: string;
  annotations: AnnotationDTO[];
}

/** Body of every error response. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/** One live-update event on /api/assignments/:id/events; the client refetches what it names. */
export interface ChangeEventDTO {
  id: string;
  type:
    | "annotation.created"
    | "annotation.updated"
    | "annotation.deleted"
    | "reply.created"
    | "reply.updated"
    | "reply.deleted"
    | "flag.updated";
  entityId: string;
  actorId: string | null;
}
