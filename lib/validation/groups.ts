import { z } from "zod";

const name = z.string().trim().min(1, "Give each group a name.").max(60, "A group's name can be at most 60 characters.");

/** Groups made by hand: names and who is in each (a student in at most one). */
export const manualGroupsSchema = z.object({
  groups: z
    .array(z.object({ name, memberIds: z.array(z.string().min(1).max(200)).max(500) }))
    .min(1, "Make at least one group.")
    .max(50, "At most 50 groups."),
});

/** An automatic split: N groups, or groups of about N students. */
export const autoGroupsSchema = z.union([
  z.object({ count: z.number().int().min(1, "Make at least one group.").max(50, "At most 50 groups.") }),
  z.object({ size: z.number().int().min(1, "A group needs at least one student.").max(100, "At most 100 students a group.") }),
]);

/** Either, as the route takes it. */
export const saveGroupsSchema = z.union([manualGroupsSchema, z.object({ auto: autoGroupsSchema })]);

/** Which groups an assignment uses: none (the whole class), the class's, or its own. */
export const assignmentGroupsSchema = z.object({
  use: z.enum(["none", "class", "own"], { error: "Choose no groups, the class's groups, or groups for this assignment." }),
});

export type SaveGroupsInput = z.infer<typeof saveGroupsSchema>;
export type AssignmentGroupsInput = z.infer<typeof assignmentGroupsSchema>;
