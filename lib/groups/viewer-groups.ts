/** A class's group sets as loaded for the live filter: each set's "Not in a group" and the rows of the people asked about. */
export interface LoadedGroupSet {
  groups: { id: string }[];
  members: { userId: string; groupId: string }[];
}

/**
 * The groups a person is in across a class's sets, as the visibility rule
 * reads them ("groupmate"): their group in each set where they have one, and
 * the set's "Not in a group" where they have none (`sets[i].groups` holds only
 * that group). Pure, so the live filter and its tests share it.
 */
export function groupIdsOf(sets: readonly LoadedGroupSet[], userId: string): Set<string> {
  const ids = new Set<string>();
  for (const set of sets) {
    const own = set.members.find((m) => m.userId === userId);
    if (own) ids.add(own.groupId);
    else for (const g of set.groups) ids.add(g.id);
  }
  return ids;
}
