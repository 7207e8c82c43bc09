import { z } from "zod";

/** PATCH /api/assignments/[id]/settings: only the fields sent change. */
export const updateAssignmentSettingsSchema = z
  .object({
    peerFlagVisibility: z
      .enum(["always", "after_own_flag", "after_due"], {
        error: "Choose when students see classmates' flags: always, after their own flag, or after the due date.",
      })
      .optional(),
    hintVisibility: z
      .enum(["never", "after_due", "always"], {
        error: "Choose when students see automatic hints: never, after the due date, or always.",
      })
      .optional(),
  })
  .strict()
  .refine((s) => s.peerFlagVisibility !== undefined || s.hintVisibility !== undefined, {
    message: "Change at least one setting.",
  });

export type UpdateAssignmentSettingsInput = z.infer<typeof updateAssignmentSettingsSchema>;
