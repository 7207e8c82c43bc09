/**
 * Trimming by hand, for the places where /[…]+$/ would do: a search for a
 * trailing run restarts at every position of a long run that is not at the
 * end ("a" + 60,000 spaces + "b"), which is quadratic. These loops are linear.
 */

/** `text` without its trailing characters that satisfy `isTrimmed`. */
export function trimEndWhere(text: string, isTrimmed: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && isTrimmed(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without its leading characters that satisfy `isTrimmed`. */
export function trimStartWhere(text: string, isTrimmed: (char: string) => boolean): string {
  let start = 0;
  while (start < text.length && isTrimmed(text[start])) start++;
  return text.slice(start);
}

/** True for one of the characters in `chars`: a predicate for the trims above. */
export function oneOf(chars: string): (char: string) => boolean {
  return (char) => chars.includes(char);
}
