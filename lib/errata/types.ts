import type { EvidenceDTO, FlagCategory } from "@/lib/annotations/types";
import type { Block, EssayMeta } from "@/lib/content";

/**
 * The errata of one assignment's essay: the teacher-verified flags turned
 * into corrections. Plain data, so the server builds it once and the page,
 * the print view and the Markdown download all read the same thing.
 */

/** One run of a block in the "Changes" rendering. */
export interface DiffPiece {
  kind: "same" | "removed" | "inserted";
  text: string;
  /** The erratum that removed or inserted this run; absent for "same". */
  erratumNumber?: number;
}

/**
 * Why a verified correction was not applied to the text. All but the last
 * come from applyCorrections; "source_changed" comes from the server, for a flag whose
 * quoted words a newer revision rewrote (into something other than the fix).
 */
export type SkipReason = "overlap" | "crosses_blocks" | "out_of_range" | "no_change" | "source_changed";

export interface SkipInfo {
  reason: SkipReason;
  /** For "overlap": the erratum that was kept instead. */
  overlapsWith?: number;
}

/** One verified flag as an erratum. */
export interface ErratumEntry {
  /** The flag's annotation id. */
  id: string;
  /** 1-based, in text order; null for flags already fixed in the source (they have no mark in the text). */
  number: number | null;
  /** The flagged words as the text reads (or read, when already fixed). */
  original: string;
  /** What they should read; "" means "delete". */
  correction: string;
  category: FlagCategory;
  /** Human label, capitalised: "Wrong date or number". */
  categoryLabel: string;
  /** Names as this viewer may see them ("Classmate 3" when peers are anonymous). */
  finders: string[];
  /** In the flag's order; `url` is null unless it is a safe http(s) address. */
  evidence: EvidenceDTO[];
  fixedInSource: boolean;
  outcome: "applied" | "skipped" | "fixed_in_source";
  /** Present when outcome is "skipped". */
  skip?: SkipInfo;
}

/** Everything the errata page, print view and Markdown download need. */
export interface ErrataDocument {
  essay: { slug: string; meta: EssayMeta };
  assignment: { id: string; className: string };
  revision: { id: string; number: number };
  /** The current revision's canonical text and blocks (UTF-16 offsets). */
  text: string;
  blocks: Block[];
  /** The text with every applied correction, and its blocks re-measured. */
  corrected: { text: string; blocks: Block[] };
  /** Per block (same index as `blocks`): the runs of the "Changes" rendering. */
  pieces: DiffPiece[][];
  /** Numbered errata in text order, applied or skipped. */
  errata: ErratumEntry[];
  /** Verified flags a later revision of the source already reads as corrected. */
  alreadyFixed: ErratumEntry[];
  /** False while the assignment still hides classmates' flags from this viewer. */
  peerFlagsVisible: boolean;
}
