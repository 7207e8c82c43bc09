import { isMergeAction } from "@/lib/annotations/flags";
import type { AuditEntryDTO, AuthorDTO, FlagCategory, FlagStatus } from "@/lib/annotations/types";
import { FLAG_CATEGORIES, flagCategoryLabel } from "@/lib/critique/categories";
import { truncateText } from "./truncate-text";

/**
 * Words shown for error flags: statuses, the proposed change, the vote tally,
 * finders and the audit trail. Kept out of components so the card, the
 * filters and reports say the same thing, and so the wording can be tested.
 */

/** A category's label starting with a capital, for menus and card headings: "Wrong date or number". */
export function flagCategoryName(category: FlagCategory): string {
  const label = flagCategoryLabel(category);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The categories in their fixed order, for a <select>. */
export const FLAG_CATEGORY_OPTIONS: readonly { value: FlagCategory; label: string }[] = FLAG_CATEGORIES.map((value) => ({
  value,
  label: flagCategoryName(value),
}));

const STATUS_LABELS: Record<FlagStatus, string> = {
  open: "Open",
  verified: "Verified",
  rejected: "Rejected",
  needs_evidence: "Needs evidence",
  merged: "Merged",
};

/** "Open", "Verified", "Rejected", "Needs evidence" or "Merged". */
export function flagStatusLabel(status: FlagStatus): string {
  return STATUS_LABELS[status];
}

/** How the teacher's reason is introduced on a card, by the status it came with. */
export function statusReasonLabel(status: FlagStatus): string {
  switch (status) {
    case "rejected":
      return "Why it was rejected:";
    case "needs_evidence":
      return "Evidence your teacher asks for:";
    default:
      return "Teacher's note:";
  }
}

/** True when `value` names a flag status (audit entries store them as plain strings). */
export function isFlagStatus(value: unknown): value is FlagStatus {
  return typeof value === "string" && value in STATUS_LABELS;
}

/** The statuses a reader can filter by; "merged" is left out because a merged flag lives on in its target. */
export const FLAG_STATUS_FILTER_OPTIONS: readonly { value: Exclude<FlagStatus, "merged">; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "verified", label: "Verified" },
  { value: "rejected", label: "Rejected" },
  { value: "needs_evidence", label: "Needs evidence" },
];

/**
 * The statuses of a finding's flags in words: "Open" when they agree, else
 * "2 open · 1 verified" in the filter's order, so a row with mixed decisions
 * says so instead of showing one flag's badge for all.
 */
export function describeStatusMix(statuses: readonly FlagStatus[]): string {
  const distinct = new Set(statuses);
  if (distinct.size === 1) return flagStatusLabel(statuses[0]);
  const order: FlagStatus[] = [...FLAG_STATUS_FILTER_OPTIONS.map((o) => o.value), "merged"];
  return order
    .filter((status) => distinct.has(status))
    .map((status) => `${statuses.filter((s) => s === status).length} ${flagStatusLabel(status).toLowerCase()}`)
    .join(" · ");
}

/** Longest original or correction quoted on one line of a card. */
const CORRECTION_PREVIEW_CHARS = 80;

/** A proposed change in words, for cards and screen readers. */
export interface CorrectionText {
  /** The flagged words, shortened for display. */
  from: string;
  /** The replacement, shortened; null when the proposal is to delete the words. */
  to: string | null;
  /** One sentence: "“1995” → “1955”" or "delete “1995”". */
  text: string;
}

/** Describes replacing `original` with `correction` ("" means delete it). */
export function describeCorrection(original: string, correction: string): CorrectionText {
  const from = truncateText(original, CORRECTION_PREVIEW_CHARS);
  if (correction === "") return { from, to: null, text: `delete “${from}”` };
  const to = truncateText(correction, CORRECTION_PREVIEW_CHARS);
  return { from, to, text: `“${from}” → “${to}”` };
}

/** "3 agree · 1 disagree", or "No votes yet". */
export function describeVotes(votes: { agree: number; disagree: number }): string {
  if (votes.agree === 0 && votes.disagree === 0) return "No votes yet";
  return `${votes.agree} agree · ${votes.disagree} disagree`;
}

/** "Found by Ana Petrova, you" in credit order; null when nobody is credited. */
export function describeFinders(finders: readonly AuthorDTO[], viewerId: string): string | null {
  if (finders.length === 0) return null;
  return `Found by ${finders.map((f) => (f.id === viewerId ? "you" : f.name)).join(", ")}`;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Chloe". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** A flag as a merge confirmation names it. */
interface MergeParty {
  author: { name: string };
  flag: { finders: readonly AuthorDTO[]; votes: { agree: number; disagree: number } };
}

/** What a merge confirmation says: what goes into what, who keeps the credit, and what becomes of the duplicate. */
export interface MergeWords {
  /** "Merge Ben Hughes’s flag into Ana Petrova’s flag?" */
  question: string;
  /** "Ana Petrova’s flag remains, with Ana Petrova and Ben Hughes credited as finders." */
  credit: string;
  /** "Ben Hughes’s flag is marked merged: its 2 votes stay on it, and “Undo merge” takes it back out." */
  after: string;
}

/**
 * The words of a merge confirmation. The finders are both flags' (the target's
 * and those the duplicate carries, once each), as the API credits them; votes
 * are not moved, so the sentence says they stay where they were cast.
 */
export function describeMerge(from: MergeParty, into: MergeParty): MergeWords {
  const fromName = `${from.author.name}’s flag`;
  const intoName = `${into.author.name}’s flag`;
  const finders = [...into.flag.finders, ...from.flag.finders].filter((f, i, all) => all.findIndex((g) => g.id === f.id) === i);
  const votes = from.flag.votes.agree + from.flag.votes.disagree;
  const voteWords = votes === 0 ? "it has no votes" : `its ${votes === 1 ? "vote stays" : `${votes} votes stay`} on it`;
  return {
    question: `Merge ${fromName} into ${intoName}?`,
    credit: `${intoName} remains, with ${listNames(finders.map((f) => f.name))} credited as ${finders.length === 1 ? "finder" : "finders"}.`,
    after: `${fromName} is marked merged: ${voteWords}, and “Undo merge” takes it back out.`,
  };
}

/** The state a trail entry names, in words: statuses get their label, anything else is quoted. */
function stateText(value: string): string {
  if (isFlagStatus(value)) return flagStatusLabel(value);
  return value === "" ? "(delete)" : `“${truncateText(value, CORRECTION_PREVIEW_CHARS)}”`;
}

/** One audit entry ready to render: who, what happened, and why if said. */
export interface AuditLine {
  who: string;
  what: string;
  /** "Open → Verified", "“1995” → “1955”"; null when the entry records no change of state. */
  change: string | null;
  why: string | null;
}

const ACTION_WORDS: Record<string, string> = {
  created: "flagged the passage",
  status: "changed the status",
  correction: "edited the correction",
  edited: "edited the flag",
  resubmitted: "resubmitted the flag with more evidence",
  merged: "merged this flag into a duplicate",
  "merged-in": "merged a duplicate flag into this one",
  unmerged: "took this flag back out of the one it was merged into",
  "unmerged-out": "took a merged duplicate back out of this flag",
};

/**
 * Describes one audit entry. Unknown actions still read sensibly (the API may
 * add some); merge entries carry internal ids as their reason, so no "why"
 * is shown for them.
 */
export function describeAuditEntry(entry: AuditEntryDTO): AuditLine {
  const who = entry.actor?.name ?? "Someone";
  const what = ACTION_WORDS[entry.action] ?? entry.action.replace(/[-_]+/g, " ");
  const hasChange = entry.from !== null && entry.to !== null && entry.from !== entry.to;
  const change = hasChange ? `${stateText(entry.from!)} → ${stateText(entry.to!)}` : null;
  const isMerge = isMergeAction(entry.action);
  const why = !isMerge && entry.reason?.trim() ? entry.reason.trim() : null;
  return { who, what, change, why };
}

/** Shown to a student while classmates' flags are held back (the exact setting is not sent). */
export const PEER_FLAGS_HIDDEN_NOTE =
  "Classmates' flags are hidden for now: they appear once you have posted a flag of your own, or after the due date, depending on your teacher's setting.";
