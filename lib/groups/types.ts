/** One group as a teacher sees it. */
export interface GroupDTO {
  id: string;
  name: string;
  memberIds: string[];
}

/** A class's or an assignment's groups, with the class's students (for the editor) and who is in no group. */
export interface GroupSetDTO {
  /** Null while no groups were made yet. */
  id: string | null;
  owner: "class" | "assignment";
  groups: GroupDTO[];
  /** The set's "Not in a group": its id (annotations carry it) and the students in it now. */
  unplaced: { id: string | null; memberIds: string[] };
  students: { id: string; name: string }[];
}

/** Which groups an assignment uses, and those groups. */
export interface AssignmentGroupsDTO {
  assignmentId: string;
  use: "none" | "class" | "own";
  /** The groups in force (null when none). */
  set: GroupSetDTO | null;
}
