/**
 * Maps between the browser's Selection and canonical-text offsets. Each block
 * element carries data-start: its UTF-16 offset in the canonical text, and its
 * text content is exactly that slice (marks only wrap text, and decorations
 * use CSS generated content, which is not part of a Range's text).
 */

function blockStart(el: Element): number {
  return Number(el.getAttribute("data-start"));
}

function offsetInBlock(block: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return blockStart(block) + range.toString().length;
}

/**
 * The canonical span of the current selection inside `root`, trimmed of
 * surrounding whitespace, or null when nothing of the essay is selected.
 */
export function readSelection(root: HTMLElement, text: string): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const blocks = [...root.querySelectorAll("[data-block]")].filter((b) => range.intersectsNode(b));
  if (blocks.length === 0) return null;
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  let start = first.contains(range.startContainer)
    ? offsetInBlock(first, range.startContainer, range.startOffset)
    : blockStart(first);
  let end = last.contains(range.endContainer)
    ? offsetInBlock(last, range.endContainer, range.endOffset)
    : Number(last.getAttribute("data-end"));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** The on-screen rectangle of the current selection, for placing the toolbar. */
export function selectionRect(): DOMRect | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 ? null : rect;
}

/** True when the selection starts inside `root` (not in the column or a form field). */
export function isSelectionIn(root: HTMLElement): boolean {
  const selection = window.getSelection();
  return Boolean(selection && selection.rangeCount > 0 && root.contains(selection.anchorNode));
}

/**
 * Puts a caret at the start of the block being read (the first one starting on
 * screen, else the one the screen is inside) and selects its first word
 * (keyboard start): in the page view, the page on screen, whose text layer is one block.
 */
export function startKeyboardSelection(root: HTMLElement): void {
  const blocks = [...root.querySelectorAll<HTMLElement>("[data-block]")];
  // The first block starting on screen; else the one the screen is inside (a tall page).
  const tops = blocks.map((b) => b.getBoundingClientRect().top);
  const starting = blocks.find((_, i) => tops[i] >= 0 && tops[i] < window.innerHeight);
  const covering = blocks.findLast((_, i) => tops[i] < 0);
  const first = starting ?? covering ?? blocks[0];
  const selection = window.getSelection();
  if (!first || !selection) return;
  const walker = document.createTreeWalker(first, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  if (!node) return;
  selection.collapse(node, 0);
  selection.modify("extend", "forward", "word");
}

/** Moves or extends the selection like caret browsing: by character, word or line. */
export function moveSelection(key: string, isExtending: boolean, byWord: boolean): boolean {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  const alter = isExtending ? "extend" : "move";
  const moves: Record<string, [string, string]> = {
    ArrowRight: ["forward", byWord ? "word" : "character"],
    ArrowLeft: ["backward", byWord ? "word" : "character"],
    ArrowDown: ["forward", "line"],
    ArrowUp: ["backward", "line"],
    End: ["forward", "lineboundary"],
    Home: ["backward", "lineboundary"],
  };
  const move = moves[key];
  if (!move) return false;
  selection.modify(alter, move[0], move[1]);
  return true;
}
