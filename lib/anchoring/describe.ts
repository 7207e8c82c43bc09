import { createTextIndex, indexToCodePoint, isSurrogatePairAt } from "./offsets";
import type { OffsetIndex } from "./offsets";
import type { DescribedSelectors } from "./types";

/**
 * Context kept either side of a quote, in UTF-16 units. 32 is what Hypothesis
 * stores: enough to tell repeats of a short phrase apart, short enough that an
 * edit a sentence away does not spoil it. Using the same length also lets us
 * re-describe Hypothesis' own annotations byte for byte.
 */
export const CONTEXT_LENGTH = 32;

export interface DescribeOptions {
  /** Reuse when describing many spans of one text. */
  index?: OffsetIndex;
  contextLength?: number;
}

/**
 * Builds the W3C selectors for text.slice(start, end) (UTF-16 offsets): a
 * TextQuoteSelector with about 32 characters of prefix/suffix (clipped at the
 * text's ends, never cutting a surrogate pair in half) and a
 * TextPositionSelector in code points. Throws RangeError for a span outside
 * the text.
 */
export function describe(
  text: string,
  start: number,
  end: number,
  options: DescribeOptions = {},
): DescribedSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`span ${start}..${end} is outside a text of length ${text.length}`);
  }
  const context = options.contextLength ?? CONTEXT_LENGTH;
  let prefixStart = Math.max(0, start - context);
  // Starting on the second half of a pair would store a lone surrogate.
  if (prefixStart > 0 && isSurrogatePairAt(text, prefixStart - 1)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + context);
  if (suffixEnd < text.length && isSurrogatePairAt(text, suffixEnd - 1)) suffixEnd--;

  const index = options.index ?? createTextIndex(text);
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.min(prefixStart, start), start),
      suffix: text.slice(end, Math.max(suffixEnd, end)),
    },
    position: {
      type: "TextPositionSelector",
      start: indexToCodePoint(index, start),
      end: indexToCodePoint(index, end),
    },
  };
}
