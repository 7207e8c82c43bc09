import { z } from "zod";

/**
 * Due dates from 2000 to 2100. PostgreSQL stores years up to 294276, but JavaScript's Date stops at
 * 275760 and ISO strings past 9999 need six digits, so a year of 10000 once saved broke every page of
 * its class; year 0 is refused by PostgreSQL. No school term falls outside this range.
 */
export const EARLIEST_DUE = new Date(Date.UTC(2000, 0, 1));
export const LATEST_DUE = new Date(Date.UTC(2101, 0, 1) - 1);

const minimum = z.coerce.number().int().min(0, "Minimums cannot be negative.").max(100, "Keep minimums at 100 or fewer.");

export const createAssignmentSchema = z.object({
  essayId: z.string().min(1, "Choose a reading."),
  dueAt: z.coerce
    .date({ error: "Give a due date." })
    .refine((d) => !Number.isNaN(d.getTime()), "Give a valid due date.")
    .refine((d) => Number.isNaN(d.getTime()) || (d >= EARLIEST_DUE && d <= LATEST_DUE), "Choose a due date between the years 2000 and 2100."),
  /** Tiptap JSON, checked by lib/rich-text; optional. */
  instructions: z.unknown().optional(),
  peerFlagVisibility: z.enum(["always", "after_own_flag", "after_due"]).default("after_own_flag"),
  hintVisibility: z.enum(["never", "after_due", "always"]).default("after_due"),
  anonymousPeers: z.boolean().default(false),
  minHighlights: minimum.default(0),
  minComments: minimum.default(0),
  minFlags: minimum.default(0),
});

export type CreateAssignmentInput = z.infer<typeof createAssignmentSchema>;

/** Copying an assignment (its settings, guiding questions and answer key) to a class the teacher teaches. */
export const copyAssignmentSchema = z.object({
  classroomId: z.string({ error: "Choose the class to copy it to." }).min(1, "Choose the class to copy it to."),
  /** The copy's due date; the original's when absent. */
  dueAt: createAssignmentSchema.shape.dueAt.optional(),
});

export type CopyAssignmentInput = z.infer<typeof copyAssignmentSchema>;
