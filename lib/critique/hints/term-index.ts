/**
 * Finds, for one word, the key terms it could be a drifted spelling of,
 * without comparing it with every term. Term drift accepts one edit (a
 * dropped, added or changed letter, or two neighbours swapped) or two dropped
 * letters, so only terms that share a key below with the word can qualify:
 *
 * - one edit: the word and the term have a deletion-neighbour in common
 *   (themselves or themselves with one letter dropped: "symmetric deletion");
 * - two dropped letters: the shorter word, cut into three pieces, keeps at
 *   least one piece intact in the longer, shifted by the number of letters
 *   dropped before it (0, 1 or 2): a pigeonhole key per piece.
 *
 * Each word yields O(length) keys, so building and querying are linear in
 * the text size; the caller still checks every candidate with the full rule.
 */

/** Words longer than this are not policed: no real term is, and the keys grow with the square of the length. */
export const MAX_TERM_LENGTH = 64;

/** The keys under which a word of this spelling is a candidate for one edit. */
function oneEditKeys(norm: string): string[] {
  const keys = [`e${norm}`];
  for (let i = 0; i < norm.length; i++) keys.push(`e${norm.slice(0, i)}${norm.slice(i + 1)}`);
  return keys;
}

/** Where a word of length m is cut into three pieces for the two-drop keys. */
function cuts(m: number): [number, number] {
  return [Math.floor(m / 3), Math.floor((2 * m) / 3)];
}

/** Keys of `norm` as the shorter spelling (two letters fewer than the other). */
function shortKeys(norm: string): string[] {
  const m = norm.length;
  const [a, b] = cuts(m);
  return [`s${m}|0|${norm.slice(0, a)}`, `s${m}|1|${norm.slice(a, b)}`, `s${m}|2|${norm.slice(b)}`];
}

/** Keys of `norm` as the longer spelling: where each piece of a shorter one would sit. */
function longKeys(norm: string): string[] {
  const m = norm.length - 2;
  if (m < 1) return [];
  const [a, b] = cuts(m);
  const keys = [`s${m}|0|${norm.slice(0, a)}`, `s${m}|2|${norm.slice(b + 2)}`];
  for (let shift = 0; shift <= 2; shift++) keys.push(`s${m}|1|${norm.slice(a + shift, b + shift)}`);
  return keys;
}

/** An index of terms (by position in a list) that answers "which terms could this word drift from?". */
export interface TermIndex {
  /** Positions of the candidate terms for `norm`, ascending, each once. */
  candidates(norm: string): number[];
}

/** Indexes the normalized spellings of `terms`, keeping their order for tie-breaks. */
export function createTermIndex(terms: readonly string[]): TermIndex {
  const byKey = new Map<string, number[]>();
  const add = (key: string, at: number) => {
    const list = byKey.get(key);
    if (!list) byKey.set(key, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  };
  terms.forEach((norm, at) => {
    if (norm.length > MAX_TERM_LENGTH) return;
    for (const key of oneEditKeys(norm)) add(key, at);
    for (const key of shortKeys(norm)) add(`S${key}`, at);
    for (const key of longKeys(norm)) add(`L${key}`, at);
  });
  return {
    candidates(norm) {
      if (norm.length > MAX_TERM_LENGTH) return [];
      const found = new Set<number>();
      // A term shorter by two matches the word's long keys against its short ones, and the other way round.
      const keys = [...oneEditKeys(norm), ...longKeys(norm).map((k) => `S${k}`), ...shortKeys(norm).map((k) => `L${k}`)];
      for (const key of keys) for (const at of byKey.get(key) ?? []) found.add(at);
      return [...found].sort((x, y) => x - y);
    },
  };
}
