import { demoAssignmentLink, expect, newContextWithThreadsInFull, signIn, test } from "./support/fixtures";
import { dragSelect } from "./support/text-selection";

test.describe("@mentions", () => {
  test("Ana mentions Ben from the keyboard; the comment shows his name to both; Ben is notified and opens the thread; a private note suggests nobody", async ({ browser }, testInfo) => {
    const stamp = `mention-${Date.now().toString(36)}`;
    const anaContext = await newContextWithThreadsInFull(browser);
    const benContext = await newContextWithThreadsInFull(browser);
    const ana = await anaContext.newPage();
    const ben = await benContext.newPage();
    await signIn(ana, "ana");
    await signIn(ben, "ben");
    for (const page of [ana, ben]) {
      await demoAssignmentLink(page).click();
      await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    }

    // Ben's header follows his count over its own stream: the 20 s poll is not what updates it below.
    const benHeader = ben.getByTestId("notifications-link");
    await expect(benHeader).toHaveAttribute("data-live", "on");
    const benBadge = benHeader.locator(".notifications-count");
    const benUnread = async () => ((await benBadge.count()) > 0 ? Number.parseInt((await benBadge.textContent()) ?? "0", 10) : 0);
    const benBefore = await benUnread();

    await dragSelect(ana, "1995");
    await ana.getByRole("button", { name: /Comment/ }).click();
    const editor = ana.getByRole("textbox", { name: "Your comment" });
    await editor.click();
    await ana.keyboard.type(`Question ${stamp} for @Be`);
    const suggestions = ana.getByRole("listbox", { name: "People you can mention" });
    await expect(suggestions.getByRole("option", { name: "Ben Hughes" })).toBeVisible();
    await expect(suggestions.getByRole("option", { name: "Ana Petrova" })).toHaveCount(0);
    // Focus stays in the editor: it names the list it controls and its active option.
    const listId = await suggestions.getAttribute("id");
    expect(listId).toBeTruthy();
    await expect(editor).toHaveAttribute("aria-controls", listId!);
    await expect(editor).toHaveAttribute("aria-autocomplete", "list");
    await ana.keyboard.press("ArrowDown");
    const activeId = await editor.getAttribute("aria-activedescendant");
    const active = suggestions.locator(`[id="${activeId}"]`);
    await expect(active).toHaveAttribute("role", "option");
    await expect(active).toHaveAttribute("aria-selected", "true");
    await expect(suggestions.locator('[aria-selected="true"]')).toHaveCount(1);
    await ana.screenshot({ path: testInfo.outputPath("mention-suggestions.png") });
    await ana.keyboard.press("Enter");
    await expect(suggestions).toHaveCount(0);
    await expect(editor).not.toHaveAttribute("aria-activedescendant");
    await expect(editor).not.toHaveAttribute("aria-controls");
    await ana.keyboard.type("what do you think?");
    await ana.getByRole("button", { name: "Post comment" }).click();

    const anaCard = ana.locator("article[data-annotation-id]", { hasText: stamp });
    await expect(anaCard.locator(".mention", { hasText: "@Ben Hughes" })).toBeVisible();
    const benCard = ben.locator("article[data-annotation-id]", { hasText: stamp });
    await expect(benCard.locator(".mention", { hasText: "@Ben Hughes" })).toBeVisible({ timeout: 10_000 });

    // Pushed the moment the mention is saved, well before the header's 20 s poll.
    await expect.poll(benUnread, { timeout: 5_000 }).toBe(benBefore + 1);

    // Ben is told: the header counts it, the notifications page lists it and opens the thread.
    const annotationId = await anaCard.getAttribute("data-annotation-id");
    await ben.goto("/notifications");
    await expect(ben.getByTestId("notifications-link")).toContainText("unread");
    const item = ben.locator("li.notification", { has: ben.locator(`a[href*="annotation=${annotationId}"]`) });
    await expect(item).toContainText("Ana Petrova mentioned you");
    await expect(item.getByText("New")).toBeVisible();
    await ben.screenshot({ path: testInfo.outputPath("notifications.png") });
    // Marking it read updates the list and the header at once.
    // Other stories assign readings in Ben's class too, so he may have other unread news: this one goes, the count falls by one.
    const unreadBeforeMark = await benUnread();
    await item.getByRole("button", { name: "Mark read: Ana Petrova mentioned you" }).click();
    await expect(item.getByText("New")).toHaveCount(0);
    await expect.poll(benUnread, { timeout: 5_000 }).toBe(unreadBeforeMark - 1);
    await item.getByRole("link", { name: "Open the thread" }).click();
    await expect(ben).toHaveURL(new RegExp(`annotation=${annotationId}`));
    // The thread is the active one and its passage is scrolled into view.
    const opened = ben.locator(`article[data-annotation-id="${annotationId}"]`);
    await expect(opened).toHaveClass(/is-active/);
    await expect(ben.locator(`mark[data-ids~="${annotationId}"]`).first()).toBeInViewport();

    // A private note is read by its author alone: nobody to suggest.
    await dragSelect(ana, "secret speech");
    await ana.getByRole("button", { name: /Comment/ }).click();
    await ana.getByLabel("Who can see this").selectOption("private");
    await ana.getByRole("textbox", { name: "Your comment" }).click();
    await ana.keyboard.type("@B");
    await expect(suggestions.getByText("Nobody here can see this to be mentioned.")).toBeVisible();
    await expect(suggestions.getByRole("option")).toHaveCount(0);
    await ana.keyboard.press("Escape");
    await anaContext.close();
    await benContext.close();
  });
});
