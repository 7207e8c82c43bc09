import { z } from "zod";

/** Which notifications to mark read: some by id, or all of them. */
export const markReadSchema = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(200)).min(1, "Name at least one notification.").max(100, "At most 100 at a time.") }),
  z.strictObject({ all: z.literal(true) }),
]);

/** The account page's digest setting. */
export const emailDigestSchema = z.strictObject(
  { emailDigest: z.boolean({ error: "emailDigest must be true (send the e-mail digest) or false (do not)." }) },
  { error: "Send { emailDigest: true } or { emailDigest: false }." },
);
