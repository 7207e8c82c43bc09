import { colourOf, cueOf, type HighlightCodeDTO } from "@/lib/annotations/highlight-codes";
import "./highlight-codes.css";

/** The code's colours as CSS custom properties (`--code`, `--code-ink`, or another name), for a swatch or a mark. */
export function codeStyle(code: Pick<HighlightCodeDTO, "colour">, name = "code"): React.CSSProperties {
  const colour = colourOf(code.colour);
  return { [`--${name}`]: colour.hex, [`--${name}-ink`]: colour.ink } as React.CSSProperties;
}

/**
 * A code's shape on its colour, e.g. a circle on orange. Decorative: whoever
 * shows it also names the code in words (label beside it or an accessible name).
 */
export function CodeSwatch({ code }: { code: Pick<HighlightCodeDTO, "colour" | "cue"> }) {
  return (
    <span className="code-swatch" style={codeStyle(code)} aria-hidden="true">
      {cueOf(code.cue).glyph}
    </span>
  );
}
