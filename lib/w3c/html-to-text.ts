/**
 * Reduces an imported text/html body to plain text. Not a sanitizer: the
 * result is only ever stored and shown as text (React escapes it), so this
 * just keeps a teacher from seeing "<p>" in an imported comment.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== "#") return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // Out-of-range and control code points would only produce junk text.
    return code > 0x1f && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : "";
  });
}

/**
 * Drops <script> and <style> elements with their content. A scan instead of
 * /<(script|style)\b[\s\S]*?<\/\1\s*>/gi, which rescans to the end for every
 * unclosed "<script" (100 KB of them took seconds). Once an element has no
 * closing tag ahead, no later one of its kind can have one either.
 */
function dropScripts(html: string): string {
  const open = /<(script|style)\b/gi;
  const unclosed = new Set<string>();
  let out = "";
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const kind = m[1].toLowerCase();
    if (m.index < from || unclosed.has(kind)) continue;
    const close = new RegExp(`</${kind}\\s*>`, "gi");
    close.lastIndex = m.index + m[0].length;
    const end = close.exec(html);
    if (!end) {
      unclosed.add(kind);
      continue;
    }
    out += html.slice(from, m.index);
    from = end.index + end[0].length;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}

/** Drops every "<…>" tag; a "<" with no ">" after it stays as text, as /<[^>]*>/g would leave it, in linear time. */
function dropTags(html: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const lt = html.indexOf("<", from);
    const gt = lt < 0 ? -1 : html.indexOf(">", lt);
    if (gt < 0) return out + html.slice(from);
    out += html.slice(from, lt);
    from = gt + 1;
  }
}

/** Plain text of an HTML fragment: block ends and <br> become line breaks. */
export function htmlToPlainText(html: string): string {
  return decodeEntities(
    dropTags(
      dropScripts(html)
        .replace(/<br\s*\/?>/gi, "\n")
        .replace(/<\/(?:p|div|li|blockquote|h[1-6])\s*>/gi, "\n"),
    ),
  )
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
