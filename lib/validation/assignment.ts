import { z } from "zod";

const minimum = z.coerce.number().int().min(0, "Minimums cannot be negative.").max(100, "Keep minimums at 100 or fewer.");

export const createAssignmentSchema = z.object({
  essayId: z.string().min(1, "Choose a reading."),
  dueAt: z.coerce
    .date({ error: "Give a due date." })
    .refine((d) => !Number.isNaN(d.getTime()), "Give a valid due date."),
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
