import type { FlagCategory, FlagStatus, QuoteDTO } from "@/lib/annotations/types";
import type { EvidenceSource, HintKind } from "@/lib/critique";

/**
 * What the teacher's review page receives over the API (JSON). Positions are
 * W3C TextPositionSelectors in code points on `revisionId`; `span` is the same
 * place in UTF-16 units on the current revision, ready for String#slice.
 */

export type PeerFlagVisibility = "always" | "after_own_flag" | "after_due";
export type HintVisibility = "never" | "after_due" | "always";

/** A code-point range, as stored and exported. */
export interface PositionDTO {
  start: number;
  end: number;
}

/** One automatic hint, with the selectors a key entry or flag would store. */
export interface HintDTO {
  /** Stable for one revision: kind plus code-point span. */
  id: string;
  kind: HintKind;
  category: FlagCategory;
  message: string;
  /** Replacement text; "" means delete; null means the detector has no confident fix. */
  suggestion: string | null;
  /** 0..1, a ranking aid; shown as words. */
  confidence: number;
  quote: QuoteDTO;
  position: PositionDTO;
  span: PositionDTO;
  /** What supports the hint, for the person reading it: at least one item. */
  evidence: HintEvidenceDTO[];
}

/** One piece of support for a hint (lib/critique's HintEvidence) with the passage it points at. */
export interface HintEvidenceDTO {
  source: EvidenceSource;
  note: string;
  /** UTF-16 offsets of the supporting passage on the current revision; null when it is not in the text (title, glossary). */
  span: PositionDTO | null;
  /** The supporting passage itself, when it is in the text. */
  quote: string | null;
}

/** The hints of an assignment's current revision. */
export interface HintListDTO {
  assignmentId: string;
  revisionId: string;
  hints: HintDTO[];
}

/** One expected finding of the teacher's answer key. */
export interface AnswerKeyEntryDTO {
  id: string;
  revisionId: string;
  /** False when the entry was made on an older revision of the essay. */
  isOnCurrentRevision: boolean;
  quote: QuoteDTO;
  position: PositionDTO;
  category: FlagCategory;
  /** What the text should say (or why it is wrong); "" means delete the passage. */
  correction: string;
  note: string;
  /** The hint kind the entry was made from; null when made by hand. */
  hintKind: HintKind | null;
  createdAt: string;
}

/** The answer key of one assignment, in text order. */
export interface AnswerKeyDTO {
  assignmentId: string;
  revisionId: string;
  entries: AnswerKeyEntryDTO[];
}

/** A student as the teacher sees them (teachers always see names). */
export interface StudentRefDTO {
  id: string;
  name: string;
}

/** A student who found (or partly found) a key entry, with the flags that did it. */
export interface FinderDTO {
  student: StudentRefDTO;
  flagIds: string[];
}

/** One key entry and who found it. */
export interface KeyReportEntryDTO {
  entry: AnswerKeyEntryDTO;
  /** False when the entry's passage could not be found in the current text: nobody can find it. */
  isPlaced: boolean;
  /** A later revision of the text reads as the entry's correction: its finders keep the credit, nobody misses it. */
  fixedInSource: boolean;
  found: FinderDTO[];
  partial: FinderDTO[];
}

/** One student's score against the key. */
export interface StudentScoreDTO {
  student: StudentRefDTO;
  found: number;
  partial: number;
  missed: number;
  /** Flags that overlap no key entry. */
  outside: number;
}

/** A student flag that overlaps no key entry: a new discovery, or a mistake. */
export interface OutsideFlagDTO {
  annotationId: string;
  student: StudentRefDTO;
  quote: QuoteDTO;
  category: FlagCategory;
  correction: string;
  status: FlagStatus;
  /** The reader, opened on this assignment, naming the flag. */
  href: string;
}

/** "Who found what": the key against the class's flags. */
export interface KeyReportDTO {
  assignmentId: string;
  revisionId: string;
  entries: KeyReportEntryDTO[];
  students: StudentScoreDTO[];
  outside: OutsideFlagDTO[];
  /** Students' flags that could not be placed on the current text, so were not compared. */
  unplacedFlagCount: number;
}

/** The settings a teacher changes on the review page. */
export interface AssignmentSettingsDTO {
  peerFlagVisibility: PeerFlagVisibility;
  hintVisibility: HintVisibility;
}
