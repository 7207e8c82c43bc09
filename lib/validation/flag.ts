import { z } from "zod";
import { FLAG_CATEGORIES } from "@/lib/critique/categories";
import { scopeSchema, tagsSchema, targetFields } from "./annotation";

const short = (label: string, max: number) =>
  z.string().trim().max(max, `${label} can be at most ${max} characters.`).default("");

export const evidenceSchema = z.object({
  title: z.string().trim().min(1, "Give each source a title.").max(300, "A source title can be at most 300 characters."),
  author: short("An author", 200),
  year: short("A year", 20),
  url: z
    .union([z.literal(""), z.null(), z.url({ protocol: /^https?$/, error: "A source link must start with http:// or https://." })])
    .optional()
    .transform((v) => (v ? v : null)),
  locator: short("A page or locator", 100),
  quote: short("A quoted passage", 1000),
});

export const createFlagSchema = z.object({
  id: z.uuid("The flag id must be a UUID."),
  scope: scopeSchema.default("class"),
  ...targetFields,
  category: z.enum(FLAG_CATEGORIES, { error: "Choose what kind of error this is." }),
  /** Replacement for exactly the flagged span; "" means "delete this". */
  correction: z.string().max(2000, "A correction can be at most 2,000 characters."),
  /** Tiptap JSON, checked by lib/rich-text. */
  rationale: z.unknown().optional(),
  evidence: z.array(evidenceSchema).max(10, "Cite at most 10 sources.").default([]),
  tags: tagsSchema.default([]),
});

export const voteSchema = z.object({
  value: z.enum(["agree", "disagree"], { error: "Vote agree or disagree." }),
  reason: short("A reason", 500),
});

/** What a teacher decides, on one flag or on every flag of a finding. */
const decisionFields = z.object({
  status: z.enum(["verified", "rejected", "needs_evidence", "open"], { error: "Choose verified, rejected or needs evidence." }),
  reason: short("A reason", 1000),
  /** When verifying, the teacher may edit the correction. */
  correction: z.string().max(2000).optional(),
});

/** A rejection is explained to the student, so it needs a reason. */
const hasReasonIfRejected = (r: { status: string; reason: string }) => r.status !== "rejected" || r.reason.length > 0;
const REJECTION_NEEDS_REASON = { message: "Say why the flag is rejected: the student sees your reason.", path: ["reason"] };

export const reviewFlagSchema = decisionFields
  .extend({
    /** The flag's reviewVersion the teacher decided on: a stale one is 409. The app always sends it. */
    version: z.number().int().positive().optional(),
    /** Verifying a transcription error on a scan: also correct the transcription with it (a new revision). */
    applyToTranscription: z.boolean().optional(),
  })
  .refine(hasReasonIfRejected, REJECTION_NEEDS_REASON);

/** Most flags one decision may cover: a finding of a class of 35, with room for duplicates. */
export const MAX_FLAGS_PER_DECISION = 50;

/**
 * One decision for several flags of a finding (the queue's "Verify all 3"):
 * each flag with the reviewVersion the teacher saw; all are decided or none.
 */
export const reviewFlagsSchema = decisionFields
  .extend({
    flags: z
      .array(z.object({ id: z.string().min(1).max(100), version: z.number().int().positive() }))
      .min(1, "Choose at least one flag.")
      .max(MAX_FLAGS_PER_DECISION, `One decision can cover at most ${MAX_FLAGS_PER_DECISION} flags.`)
      .refine((flags) => new Set(flags.map((f) => f.id)).size === flags.length, "Name each flag once."),
  })
  .refine(hasReasonIfRejected, REJECTION_NEEDS_REASON);

export const mergeFlagsSchema = z.object({
  /** The flag the other one is merged into; both finders stay credited. */
  intoId: z.string().min(1),
  /** The merged flag's reviewVersion the teacher saw (409 when stale). */
  version: z.number().int().positive().optional(),
});

/** Undoing a merge: the merged flag's reviewVersion the teacher saw (409 when stale). */
export const unmergeFlagSchema = z.object({
  version: z.number().int().positive().optional(),
});

export type CreateFlagInput = z.infer<typeof createFlagSchema>;
export type ReviewFlagInput = z.infer<typeof reviewFlagSchema>;
export type ReviewFlagsInput = z.infer<typeof reviewFlagsSchema>;

export const editFlagSchema = z.object({
  version: z.number().int().positive(),
  category: z.enum(FLAG_CATEGORIES).optional(),
  correction: z.string().max(2000, "A correction can be at most 2,000 characters.").optional(),
  rationale: z.unknown().optional(),
  evidence: z.array(evidenceSchema).max(10, "Cite at most 10 sources.").optional(),
});

export type EditFlagInput = z.infer<typeof editFlagSchema>;
