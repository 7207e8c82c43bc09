import type { Page } from "@playwright/test";

/**
 * Selects `words` in the essay with a mouse drag, like dragSelect, but also
 * where classmates' marks have split the words over several elements (the
 * demo class is shared by every spec, so a popular passage rarely stays one
 * text node). The text nodes of the article are read as one string to find
 * the words, and the drag runs from the first letter's box to the last one's.
 */
export async function dragSelectAcross(page: Page, words: string): Promise<void> {
  const box = await page.evaluate((words) => {
    const article = document.querySelector("article")!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; start: number }[] = [];
    let all = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: all.length });
      all += node.textContent ?? "";
    }
    const at = all.indexOf(words);
    if (at < 0) return null;
    const locate = (offset: number, isEnd: boolean) => {
      const hit = nodes.findLast((n) => (isEnd ? n.start < offset : n.start <= offset))!;
      return { node: hit.node, offset: offset - hit.start };
    };
    const start = locate(at, false);
    const end = locate(at + words.length, true);
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    start.node.parentElement!.scrollIntoView({ block: "center" });
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const first = rects[0];
    const last = rects[rects.length - 1];
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, words);
  if (!box) throw new Error(`"${words}" is not in the essay`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}
