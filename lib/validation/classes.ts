import { z } from "zod";
import { displayNameSchema } from "./display-name";

export { displayNameSchema };

export const classNameSchema = z
  .string()
  .trim()
  .min(2, "Give the class a name of at least 2 characters.")
  .max(80, "A class name can be at most 80 characters.");

/** Join codes are shown to students: no 0/O or 1/I/L to misread. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((c) => c.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[A-Z0-9]{4,12}$/, "A join code is 4 to 12 letters and digits."));

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(320);

export const passwordSchema = z
  .string()
  .min(10, "Use a password of at least 10 characters.")
  .max(200, "A password can be at most 200 characters.");

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
  joinCode: z.union([z.literal(""), joinCodeSchema]).optional(),
});

export const createClassSchema = z.object({ name: classNameSchema });

export const addStudentsSchema = z.object({
  /** One student per line: "Name, email" or "Name <email>". */
  list: z.string().max(20_000, "Paste at most about 300 students at a time."),
});

export const addTeacherSchema = z.object({ email: emailSchema });

export type SignUpInput = z.infer<typeof signUpSchema>;

/** How a person answers an invitation addressed to their email. */
export const invitationAnswerSchema = z.object({
  answer: z.enum(["accept", "decline"], { error: 'Answer "accept" or "decline".' }),
});

/** An administrator's invitation to teach on this instance. */
export const inviteTeacherSchema = z.object({ email: emailSchema });

/** Archiving hides an assignment from students and makes it read-only; false brings it back. */
export const archiveAssignmentSchema = z.object({ archived: z.boolean({ error: "Send archived: true or false." }) });
