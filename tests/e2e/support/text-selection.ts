import type { Page } from "@playwright/test";

/**
 * Selects `words` in the essay the way a person does with a mouse: press
 * before the first letter, drag past the last one, release.
 */
export async function dragSelect(page: Page, words: string, occurrence = 0): Promise<void> {
  // A drag can race a scroll the page is still making (a thread just got
  // focus): then the selection misses. A person would drag again; so do we.
  const toolbar = page.getByRole("toolbar", { name: "Annotate the selection" });
  for (let attempt = 1; ; attempt++) {
    await dragOnce(page, words, occurrence);
    const isShown = await toolbar.waitFor({ state: "visible", timeout: 2_000 }).then(
      () => true,
      () => false,
    );
    if (isShown || attempt === 3) return;
    await page.waitForTimeout(300);
  }
}

async function dragOnce(page: Page, words: string, occurrence: number): Promise<void> {
  const box = await page.evaluate(
    ({ words, occurrence }) => {
      const article = document.querySelector("article")!;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let at = node.textContent!.indexOf(words);
        while (at >= 0) {
          if (seen === occurrence) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            range.startContainer.parentElement!.scrollIntoView({ block: "center" });
            const rects = range.getClientRects();
            const first = rects[0];
            const last = rects[rects.length - 1];
            return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
          }
          seen++;
          at = node.textContent!.indexOf(words, at + 1);
        }
      }
      return null;
    },
    { words, occurrence },
  );
  if (!box) throw new Error(`"${words}" is not on the page as one run of text`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}
