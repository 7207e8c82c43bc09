import { expect, signIn, test } from "./support/fixtures";

test.describe("invitations, one-time passwords and leaving a class", () => {
  test("a student on a pasted roster signs in once, must choose a password, accepts the invitation, sees the class and leaves it", async ({ browser }) => {
    const stamp = Date.now().toString(36);
    const className = `Invites ${stamp}`;
    const email = `gia.${stamp}@test.school`;

    // The teacher pastes a new student and an existing account (Ben): every row gets a code, the same way.
    const teacherContext = await browser.newContext();
    const teacher = await teacherContext.newPage();
    await signIn(teacher, "teacher", "/classes");
    await teacher.getByLabel("New class name").fill(className);
    await teacher.getByRole("button", { name: "Create class" }).click();
    await expect(teacher.getByRole("heading", { level: 1, name: className })).toBeVisible();
    await teacher.getByLabel("Invite students: one per line, as “Name, email”").fill(`Gia Park, ${email}\nBen, ben@demo.school`);
    await teacher.getByRole("button", { name: "Invite students" }).click();
    const codes = teacher.getByRole("region", { name: /One-time passwords/ }).locator("code");
    await expect(codes).toHaveCount(2);
    const oneTimePassword = (await codes.first().textContent())!.trim();
    expect(await codes.nth(1).textContent()).toMatch(/^[a-z2-9]{12}$/);

    // Gia signs in with it: every page sends her to the password form, every API route refuses with the reason.
    const studentContext = await browser.newContext();
    const student = await studentContext.newPage();
    await student.goto("/signin?callbackUrl=%2Fclasses");
    await student.getByLabel("Email").fill(email);
    await student.getByLabel("Password").fill(oneTimePassword);
    await student.getByRole("button", { name: "Sign in" }).click();
    await expect(student).toHaveURL(/\/account$/);
    await student.goto("/assignments");
    await expect(student).toHaveURL(/\/account$/);
    const refused = await student.evaluate(async () => {
      const res = await fetch("/api/classes/join", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code: "ABCD2345" }) });
      return { status: res.status, body: await res.json() };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.reason).toBe("must_change_password");
    expect(refused.body.error.message).toContain("Choose your own password first");

    await student.getByLabel("Current password").fill(oneTimePassword);
    await student.getByLabel("New password (at least 10 characters)").fill(`gia-own-${stamp}`);
    await student.getByRole("button", { name: "Change password" }).click();
    await expect(student.getByRole("status").filter({ hasText: "Your password was changed." })).toBeVisible();

    // Not enrolled until she accepts.
    await student.goto("/classes");
    await expect(student.getByRole("heading", { name: "Invitations (1)" })).toBeVisible();
    await expect(student.getByRole("list", { name: "Your classes" }).getByText(className)).toHaveCount(0);
    await student.getByRole("button", { name: "Accept" }).click();
    const myClass = student.getByRole("list", { name: "Your classes" }).locator("li", { hasText: className });
    await expect(myClass).toContainText("You are a student in this class");

    // The teacher's roster now lists her, and nothing waits for her any more.
    await teacher.reload();
    await expect(teacher.getByRole("table", { name: `Students in ${className}` }).getByRole("cell", { name: "Gia Park", exact: true })).toBeVisible();
    await expect(teacher.getByRole("heading", { name: "Waiting for an answer (1)" })).toBeVisible();

    // She leaves, after confirming.
    await myClass.getByRole("button", { name: `Leave ${className}` }).click();
    await student.getByRole("button", { name: `Yes, leave ${className}` }).click();
    await expect(student.getByRole("list", { name: "Your classes" }).getByText(className)).toHaveCount(0);

    // Ben, who had an account, declines his with his own password.
    const benContext = await browser.newContext();
    const ben = await benContext.newPage();
    await signIn(ben, "ben", "/classes");
    const invitation = ben.getByRole("region", { name: /Invitations/ }).locator("li", { hasText: className });
    await invitation.getByRole("button", { name: "Decline" }).click();
    await expect(ben.getByRole("status").filter({ hasText: "Invitation declined." })).toBeVisible();
    await expect(ben.getByRole("list", { name: "Your classes" }).getByText(className)).toHaveCount(0);

    await Promise.all([teacherContext.close(), studentContext.close(), benContext.close()]);
  });

  test("a student account cannot start a class", async ({ page }) => {
    await signIn(page, "chloe", "/classes");
    await expect(page.getByText("Only teacher accounts start classes.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create class" })).toHaveCount(0);
    const res = await page.evaluate(async () => {
      const r = await fetch("/api/classes", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "Chloe's own" }) });
      return { status: r.status, body: await r.json() };
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("Only teacher accounts can do this.");
  });
});
