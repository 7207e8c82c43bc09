import { z } from "zod";

/** A grade a teacher sets by hand: a percentage, or null to go back to the completion score. */
export const teacherGradeSchema = z.object({
  score: z
    .number({ error: "Enter a grade between 0 and 100, or clear it." })
    .min(0, "A grade is between 0 and 100.")
    .max(100, "A grade is between 0 and 100.")
    .nullable(),
});
