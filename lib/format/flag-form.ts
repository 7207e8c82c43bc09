import type { EvidenceDTO, FlagCategory, FlagDTO } from "@/lib/annotations/types";
import { normalizeHref, type TiptapDoc } from "@/lib/rich-text";
import { createFlagSchema, reviewFlagSchema, voteSchema } from "@/lib/validation/flag";
import { sameDoc } from "./rich-text-doc";

/**
 * The flag forms' fields as typed, checked with the same zod schemas the API
 * uses (lib/validation/flag), so a student sees the API's own sentence next
 * to the field before anything is sent.
 */

/** The six citation fields, as text boxes hold them. */
export interface EvidenceDraft {
  title: string;
  author: string;
  year: string;
  url: string;
  locator: string;
  quote: string;
}

/** Field names of a citation, in the order the form shows them. */
export const EVIDENCE_FIELDS = ["title", "author", "year", "url", "locator", "quote"] as const;
/** One of {@link EVIDENCE_FIELDS}. */
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** A blank citation row. */
export function emptyEvidenceDraft(): EvidenceDraft {
  return { title: "", author: "", year: "", url: "", locator: "", quote: "" };
}

/** A stored citation as form fields (a missing link becomes an empty box). */
export function evidenceToDraft(e: EvidenceDTO): EvidenceDraft {
  return { ...e, url: e.url ?? "" };
}

/** What the flag form holds (the rationale is checked by the rich-text editor). */
export interface FlagFormDraft {
  /** "" until the student picks one. */
  category: FlagCategory | "";
  correction: string;
  evidence: EvidenceDraft[];
}

/** The form's fields once they pass the API's rules. */
export interface FlagFormValue {
  category: FlagCategory;
  correction: string;
  evidence: EvidenceDTO[];
}

/** Per-field messages; evidence errors are keyed by row index, then field. */
export interface FlagFormErrors {
  category?: string;
  correction?: string;
  evidenceList?: string;
  evidence: Record<number, Partial<Record<EvidenceField, string>>>;
}

/** The checked form, or per-field messages. */
export type FlagFormResult =
  | { ok: true; value: FlagFormValue }
  | { ok: false; errors: FlagFormErrors; /** The first problem, for the form's alert. */ message: string };

const flagFieldsSchema = createFlagSchema.pick({ category: true, correction: true, evidence: true });

const isBlankDraft = (d: EvidenceDraft) => EVIDENCE_FIELDS.every((f) => d[f].trim() === "");

/**
 * Checks the form. Rows left completely blank are dropped rather than
 * reported: an unused "Add a source" click should not block posting. The
 * correction is kept exactly as typed (spaces can matter in a replacement).
 */
export function checkFlagForm(draft: FlagFormDraft): FlagFormResult {
  const kept = draft.evidence.map((d, index) => ({ d, index })).filter(({ d }) => !isBlankDraft(d));
  const parsed = flagFieldsSchema.safeParse({
    category: draft.category || undefined,
    correction: draft.correction,
    evidence: kept.map(({ d }) => ({ ...d, url: d.url.trim() })),
  });
  if (parsed.success) return { ok: true, value: parsed.data };

  const errors: FlagFormErrors = { evidence: {} };
  for (const issue of parsed.error.issues) {
    const [field, row, sub] = issue.path;
    if (field === "category") errors.category ??= issue.message;
    else if (field === "correction") errors.correction ??= issue.message;
    else if (field === "evidence" && typeof row === "number" && typeof sub === "string") {
      // Report against the row the student sees, not the index after blanks were dropped.
      const index = kept[row]?.index ?? row;
      const rowErrors = (errors.evidence[index] ??= {});
      rowErrors[sub as EvidenceField] ??= issue.message;
    } else if (field === "evidence") errors.evidenceList ??= issue.message;
  }
  return { ok: false, errors, message: parsed.error.issues[0]?.message ?? "Check the form and try again." };
}

/** The fields an author's edit changes, for PATCH /api/flags/:id. */
export interface FlagPatch {
  category?: FlagCategory;
  correction?: string;
  rationale?: TiptapDoc;
  evidence?: EvidenceDTO[];
}

const sameEvidence = (a: readonly EvidenceDTO[], b: readonly EvidenceDTO[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only what changed, so an edit to the rationale never rewrites a correction
 * classmates are voting on. A flag waiting for evidence is resubmitted even
 * when nothing changed, hence `isEmpty` is left for the caller to judge.
 */
export function buildFlagPatch(flag: Pick<FlagDTO, "category" | "correction" | "rationale" | "evidence">, value: FlagFormValue, rationale: TiptapDoc): { patch: FlagPatch; isEmpty: boolean } {
  const patch: FlagPatch = {};
  if (value.category !== flag.category) patch.category = value.category;
  if (value.correction !== flag.correction) patch.correction = value.correction;
  if (!sameDoc(flag.rationale, rationale)) patch.rationale = rationale;
  if (!sameEvidence(flag.evidence, value.evidence)) patch.evidence = value.evidence;
  return { patch, isEmpty: Object.keys(patch).length === 0 };
}

/** A teacher's decision as the review endpoint takes it. */
export type ReviewStatus = "verified" | "rejected" | "needs_evidence" | "open";

/** Checks a review before sending; the message names what is missing (a rejection needs a reason). */
export function checkReviewForm(
  status: ReviewStatus,
  reason: string,
  correction?: string,
): { ok: true; value: { status: ReviewStatus; reason: string; correction?: string } } | { ok: false; message: string } {
  const parsed = reviewFlagSchema.safeParse({ status, reason, correction });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? "Check the review and try again." };
}

/** Checks a vote's optional reason (length only). */
export function checkVoteReason(reason: string): { ok: true; reason: string } | { ok: false; message: string } {
  const parsed = voteSchema.shape.reason.safeParse(reason);
  return parsed.success ? { ok: true, reason: parsed.data } : { ok: false, message: parsed.error.issues[0].message };
}

/**
 * The href to link a citation to, or null: only http(s), through the same
 * policy as comment links (no credentials, no whitespace tricks). Checked at
 * render time too, whatever the API sent.
 */
export function safeSourceHref(url: string | null | undefined): string | null {
  const href = normalizeHref(url ?? "");
  return href && /^https?:/i.test(href) ? href : null;
}
