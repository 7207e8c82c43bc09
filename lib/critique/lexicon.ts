/**
 * A word list the hints consult: "is this spelling an English word (or a name
 * the list knows)?". Only that question is asked, never "what should it be":
 * raw spell-check flags every foreign name (about 60 false hints per 1,000
 * words of history prose), so a spelling outside the list is hinted only when
 * the same text writes a near spelling that wins (see term-drift.ts).
 *
 * The core stays pure: loading a dictionary is I/O, so the caller passes a
 * Lexicon in (lib/lexicon loads the real one, once per process or worker).
 */
export interface Lexicon {
  /** True when `word`, as written, is in the list. Case counts: "Paris" is, "paris" is not. */
  isWord(word: string): boolean;
  /**
   * Well-known multiword names ("Holy Roman Empire", "Gettysburg Address"),
   * as a dictionary writes them. A name one letter off in an essay is a broken
   * phrase (see name-phrase-slips.ts); without them only the hand list is used.
   */
  names?: readonly string[];
}

/**
 * A lexicon of the given words, for tests and small tools. Like the real
 * one, a word written with a capital is known when its lower-case form is
 * ("Revolution" at a sentence start), but not the other way round.
 */
export function createWordSetLexicon(words: Iterable<string>): Lexicon {
  const known = new Set(words);
  return {
    isWord: (word) => known.has(word) || known.has(word.toLowerCase()) || known.has(word[0]?.toLowerCase() + word.slice(1)),
  };
}
