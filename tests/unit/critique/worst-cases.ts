/**
 * Crafted inputs that used to take seconds (quadratic detectors, backtracking
 * patterns), shared by the unit tests and the event-loop integration test.
 */

/** A deterministic stream of pseudo-random numbers in [0, 1), so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` distinct lower-case words of 9 to 12 letters. */
export function distinctWords(count: number, seed = 1): string[] {
  const next = random(seed);
  const words = new Set<string>();
  while (words.size < count) {
    const length = 9 + Math.floor(next() * 4);
    let word = "";
    for (let i = 0; i < length; i++) word += String.fromCharCode(97 + Math.floor(next() * 26));
    words.add(word);
  }
  return [...words];
}

/**
 * A Markdown reading of about `bytes` bytes whose headings hold `headingWords`
 * distinct words and whose body holds as many other distinct words, the
 * all-pairs worst case of the term-drift detector (it compared each body word
 * with every heading word: 8.5 s at 44 KB). Every other body word is
 * capitalized mid-sentence, so it is indexed as a name, two edits deep. The
 * opening paragraph holds `drifts` words, each a heading word with one letter
 * dropped and written once, so there are real hints to find (a heading's
 * spelling wins a tie).
 */
export function termDriftReading(bytes: number, headingWords = 2000, drifts = 50): string {
  const [heads, others] = [distinctWords(headingWords, 7), distinctWords(headingWords, 11)];
  const lines: string[] = [`${heads.slice(0, drifts).map((h) => h.slice(0, 4) + h.slice(5)).join(" ")}.`, ""];
  for (let i = 0; i < heads.length; i += 10) lines.push(`## ${heads.slice(i, i + 10).join(" ")}`, "");
  const body = others.map((w, i) => (i % 2 === 1 ? w[0].toUpperCase() + w.slice(1) : w));
  let size = lines.join("\n").length;
  for (let paragraph = 0; size < bytes; paragraph++) {
    const start = (paragraph * 40) % body.length;
    const line = `${body.slice(start, start + 40).join(" ")}.`;
    lines.push(line, "");
    size += line.length + 2;
  }
  return lines.join("\n").slice(0, bytes);
}

/** One line of "a", `spaces` spaces and "b": /\s+$/ restarted at every space (4.2 s at 60,000). */
export function spacesLine(spaces: number): string {
  return `a${" ".repeat(spaces)}b`;
}

/** Years inside one pair of brackets: the citation check searched back and forth for every one (1.3 s at 98 KB). */
export function bracketedYears(bytes: number): string {
  const years: string[] = [];
  for (let i = 0, size = 1; size < bytes; i++, size += 5) years.push(String(1900 + (i % 100)));
  return `(${years.join(" ")}`;
}
