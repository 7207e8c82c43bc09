import type { Locator, Page } from "@playwright/test";

/**
 * Selects `words` in the essay as a touch screen does: a tap lands on the
 * first word, then the selection is stretched to the last letter, as the
 * phone's selection handles do. Headless Chromium has no long-press
 * selection of its own (a touch held on a word selects nothing there), so
 * the handles' work is done with the Selection API; everything after it is
 * the app's own: the `selectionchange` it follows and the toolbar it shows.
 */
export async function touchSelect(page: Page, words: string, occurrence = 0): Promise<void> {
  const point = await page.evaluate(
    ({ words, occurrence }) => {
      const article = document.querySelector("article.reader-article")!;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let at = node.textContent!.indexOf(words); at >= 0; at = node.textContent!.indexOf(words, at + 1)) {
          if (seen++ !== occurrence) continue;
          node.parentElement!.scrollIntoView({ block: "center" });
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const box = range.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
      return null;
    },
    { words, occurrence },
  );
  if (!point) throw new Error(`"${words}" is not on the page as one run of text`);
  await page.touchscreen.tap(point.x, point.y);
  await page.evaluate(
    ({ words, occurrence }) => {
      const article = document.querySelector("article.reader-article")!;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let at = node.textContent!.indexOf(words); at >= 0; at = node.textContent!.indexOf(words, at + 1)) {
          if (seen++ !== occurrence) continue;
          window.getSelection()!.setBaseAndExtent(node, at, node, at + words.length);
          return;
        }
      }
    },
    { words, occurrence },
  );
}

/** Taps the middle of an element with the touch screen (not a mouse click). */
export async function tapOn(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error("nothing to tap: the element has no box");
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/** Whether an element lies wholly inside the viewport. */
export async function isInsideViewport(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
  });
}
