const numberFormat = new Intl.NumberFormat("en-US");

/** What the comment editor shows about length. */
export interface CharacterCount {
  /** "123 / 5,000", shown next to the editor. */
  text: string;
  /** Sentence for screen readers: "123 of 5,000 characters used." */
  spoken: string;
  /** True past the limit: the counter turns into an error. */
  isOver: boolean;
}

/** Describes `count` characters against a limit of `max`. */
export function describeCharacterCount(count: number, max: number): CharacterCount {
  const used = numberFormat.format(count);
  const limit = numberFormat.format(max);
  const isOver = count > max;
  if (isOver) {
    const extra = numberFormat.format(count - max);
    return {
      text: `${used} / ${limit} (${extra} too many)`,
      spoken: `${used} characters: ${extra} over the limit of ${limit}.`,
      isOver,
    };
  }
  return { text: `${used} / ${limit}`, spoken: `${used} of ${limit} characters used.`, isOver };
}
