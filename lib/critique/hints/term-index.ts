/**
 * Finds, for one word, the spellings it could be a slip of, without comparing
 * it with every spelling in the text ("symmetric deletion"): two spellings
 * within d edits of each other (insertions, deletions, substitutions or two
 * neighbours swapped) always share a key made by deleting at most d letters
 * from each. Term drift accepts one edit, and two edits from eight letters on,
 * so spellings of 7 to 20 letters are indexed with up to two deletions and
 * the rest with one.
 *
 * Each spelling yields O(length²) keys for the two-deletion range and
 * O(length) otherwise, bounded by MAX_TWO_EDIT_LENGTH, so building and
 * querying are linear in the text size; the caller still checks every
 * candidate with the full rule.
 */

/** Words longer than this are not policed: no real term is, and the keys grow with the length. */
export const MAX_TERM_LENGTH = 64;
/** Two-deletion keys only up to this length: C(20, 2) = 190 keys per spelling, a hard ceiling. */
const MAX_TWO_EDIT_LENGTH = 20;
/** Below this length one edit is all term drift accepts of the word or of what it is compared with. */
const MIN_TWO_EDIT_LENGTH = 7;

/** How many letters may be deleted to make this spelling's keys, when two edits are asked for. */
function depthOf(norm: string, isTwoEdit: boolean): number {
  return isTwoEdit && norm.length >= MIN_TWO_EDIT_LENGTH && norm.length <= MAX_TWO_EDIT_LENGTH ? 2 : 1;
}

/** The spelling with up to `depth` letters deleted, each variant once. */
function deletionKeys(norm: string, depth: number): Set<string> {
  const keys = new Set([norm]);
  let frontier = [norm];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const word of frontier) {
      for (let i = 0; i < word.length; i++) {
        const key = word.slice(0, i) + word.slice(i + 1);
        if (!keys.has(key)) {
          keys.add(key);
          next.push(key);
        }
      }
    }
    frontier = next;
  }
  return keys;
}

/** An index of spellings (by position in a list) that answers "which could this word be a slip of?". */
export interface TermIndex {
  /** Positions of the candidate spellings for `norm`, ascending, each once. */
  candidates(norm: string): number[];
}

/**
 * Indexes the normalized spellings of `terms`, keeping their order for
 * tie-breaks. `isTwoEdit(at)` says which terms must be found two edits away
 * (names and key terms); the rest are indexed for one edit only, which keeps
 * a long reading's thousands of ordinary words cheap (L + 1 keys, not L²/2).
 * Queries always use two-deletion keys, so a term indexed for two edits is
 * found from either side.
 */
export function createTermIndex(terms: readonly string[], isTwoEdit: (at: number) => boolean = () => true): TermIndex {
  const byKey = new Map<string, number[]>();
  terms.forEach((norm, at) => {
    if (norm.length > MAX_TERM_LENGTH) return;
    for (const key of deletionKeys(norm, depthOf(norm, isTwoEdit(at)))) {
      const list = byKey.get(key);
      if (!list) byKey.set(key, [at]);
      else if (list[list.length - 1] !== at) list.push(at);
    }
  });
  return {
    candidates(norm) {
      if (norm.length > MAX_TERM_LENGTH) return [];
      const found = new Set<number>();
      for (const key of deletionKeys(norm, depthOf(norm, true))) for (const at of byKey.get(key) ?? []) found.add(at);
      return [...found].sort((x, y) => x - y);
    },
  };
}
