import type { Frame, Page } from "@playwright/test";
import { e2eState } from "./support/api";
import { expect, signIn, test } from "./support/fixtures";
import { PlatformEmulator, ROLE } from "../support/lti-platform";

/*
 * A school's LMS, played by the platform emulator (tests/support/lti-platform.ts)
 * on 127.0.0.1, another site than the app's localhost: its course pages frame
 * the tool, so every cookie of ours inside is a third-party one, and Chromium
 * keeps only partitioned ones there. The administrator registers the platform
 * in the app; the course's instructor adds a reading through the LMS's "add
 * external tool" dialog (deep linking); a learner opens it, in the frame, and
 * highlights; the completion grade arrives in the LMS's gradebook.
 */
test.describe.configure({ mode: "serial" });

const COURSE = "e2e-history";
const instructor = { sub: "lms-teacher-1", name: "Ms. Frame", email: "frame.teacher@lms.example" };
const learner = { sub: "lms-student-1", name: "Leo Learner", email: "leo@lms.example" };

let platform: PlatformEmulator;

test.beforeAll(async () => {
  const { baseUrl } = e2eState();
  platform = await PlatformEmulator.start("127.0.0.1");
  platform.registerTool({ loginUrl: `${baseUrl}/api/lti/login`, redirectUris: [`${baseUrl}/api/lti/launch`], jwksUrl: `${baseUrl}/api/lti/jwks` });
  platform.addCourse(COURSE, "History in the LMS");
  platform.enroll(COURSE, instructor, [ROLE.instructor]);
  platform.enroll(COURSE, learner, [ROLE.learner]);
});

test.afterAll(async () => {
  await platform?.close();
});

/** The tool's document inside the course page's iframe, once it is at `url`. */
async function toolFrame(page: Page, url: RegExp): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => url.test(f.url())), { timeout: 20_000 }).toBe(true);
  return page.frames().find((f) => url.test(f.url()))!;
}

test("an administrator registers the school's LMS with the values it shows for the tool", async ({ page }) => {
  await signIn(page, "teacher", "/account");
  await expect(page.getByRole("heading", { name: "Learning platforms (LTI 1.3)" })).toBeVisible();
  const values = platform.registration;
  await page.getByRole("textbox", { name: "Name (for you)" }).fill(values.name);
  await page.getByRole("textbox", { name: "Issuer (Platform ID)" }).fill(values.issuer);
  await page.getByRole("textbox", { name: "Client ID" }).fill(values.clientId);
  await page.getByRole("textbox", { name: "Deployment IDs (one per line)" }).fill(values.deploymentIds.join("\n"));
  await page.getByRole("textbox", { name: "Authentication request URL" }).fill(values.authLoginUrl);
  await page.getByRole("textbox", { name: "Access token URL" }).fill(values.authTokenUrl);
  await page.getByRole("textbox", { name: "Public keyset URL" }).fill(values.jwksUrl);
  await page.getByRole("button", { name: "Register platform" }).click();
  await expect(page.getByRole("status")).toHaveText(`${values.name} is registered.`);
  await expect(page.getByRole("list", { name: "Registered platforms" })).toContainText(values.issuer);
});

test("the instructor adds a reading from the LMS's dialog: the tool opens in its frame and the course gets a link", async ({ page }) => {
  const policies: string[] = [];
  page.on("response", (res) => {
    if (/\/lti\/deep-link\?/.test(res.url())) policies.push(res.headers()["content-security-policy"] ?? "");
  });
  await page.goto(`${platform.origin}/courses/${COURSE}?user=${instructor.sub}&open=add`);
  const frame = await toolFrame(page, /\/lti\/deep-link\?launch=/);
  await expect(frame.getByRole("heading", { name: "Add a reading to your course" })).toBeVisible();
  // Framed by the LMS, and by it only.
  expect(policies.at(-1)).toContain(`frame-ancestors ${platform.origin}`);
  await expect(frame.getByTestId("session-name")).toHaveText(instructor.name);

  // A new class has no assignments yet: the form to make one is open.
  await frame.getByRole("spinbutton", { name: "Highlights" }).fill("1");
  await frame.getByRole("spinbutton", { name: "Comments" }).fill("0");
  await frame.getByRole("spinbutton", { name: "Flags" }).fill("0");
  await frame.getByRole("button", { name: "Assign" }).click();

  // Our signed answer goes back to the LMS, which checks it and adds the link.
  await expect(page.frameLocator("#tool").locator("#added")).toContainText("Added to the course:", { timeout: 20_000 });
  expect(platform.deepLinkResponses).toHaveLength(1);
  const [link] = platform.links(COURSE);
  expect(link.custom.assignment_id).toBeTruthy();
  expect(link.lineItemId).toBeTruthy();
  await page.goto(`${platform.origin}/courses/${COURSE}?user=${instructor.sub}`);
  await expect(page.locator("#links")).toContainText(link.title);
});

test("a learner opens the link in the LMS, highlights in the framed reader, and the grade arrives in the gradebook", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const [link] = platform.links(COURSE);
  await page.goto(`${platform.origin}/courses/${COURSE}?user=${learner.sub}&open=${link.id}`);
  const frame = await toolFrame(page, /\/essays\/[^?]+\?assignment=/);
  expect(new URL(frame.url()).searchParams.get("assignment")).toBe(link.custom.assignment_id);
  await expect(frame.getByTestId("session-name")).toHaveText(learner.name);
  await expect(frame.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // The keyboard way of selecting: focus the text, Enter selects the first word, Control+Shift+Right the next.
  await frame.locator("article.reader-article").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+Shift+ArrowRight");
  await expect(frame.getByRole("toolbar", { name: "Annotate the selection" })).toBeVisible();
  await page.keyboard.press("h");
  await expect(frame.locator("mark.hl-mine").first()).toBeVisible();

  // One highlight meets the minimums: the grade worker sends 100 to the link's line item.
  await expect.poll(() => platform.scores.length, { timeout: 30_000 }).toBe(1);
  expect(platform.scores[0]).toMatchObject({
    lineItemId: link.lineItemId,
    body: { userId: learner.sub, scoreGiven: 100, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded" },
  });
  await context.close();
});

test("outside the LMS nothing changed: the same reader, opened on its own, may not be framed", async ({ request }) => {
  const [link] = platform.links(COURSE);
  const res = await request.get(`/signin?callbackUrl=/assignments`);
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  expect(link).toBeDefined();
});
