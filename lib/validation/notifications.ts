import { z } from "zod";

/** Which notifications to mark read: some by id, or all of them. */
export const markReadSchema = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(200)).min(1, "Name at least one notification.").max(100, "At most 100 at a time.") }),
  z.strictObject({ all: z.literal(true) }),
]);
