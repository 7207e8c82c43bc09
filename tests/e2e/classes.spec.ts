import { expect, signIn, test } from "./support/fixtures";

test.describe("running a class", () => {
  test("a teacher creates a class, a new student signs up with its code, and the teacher assigns the essay", async ({ browser }) => {
    const stamp = Date.now().toString(36);
    const teacherContext = await browser.newContext();
    const teacher = await teacherContext.newPage();
    await signIn(teacher, "teacher", "/classes");
    await teacher.getByLabel("New class name").fill(`History 9 ${stamp}`);
    await teacher.getByRole("button", { name: "Create class" }).click();
    await expect(teacher.getByRole("heading", { level: 1, name: `History 9 ${stamp}` })).toBeVisible();
    const code = (await teacher.getByTestId("join-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    // A new student signs up with the code and lands in the class.
    const studentContext = await browser.newContext();
    const student = await studentContext.newPage();
    await student.goto(`/join?code=${code}`);
    await student.getByRole("link", { name: "Create an account" }).click();
    await student.getByLabel("Your name").fill(`Dana ${stamp}`);
    await student.getByLabel("Email").fill(`dana.${stamp}@test.school`);
    await student.getByLabel("Password (at least 10 characters)").fill("dana-reads-sources");
    await expect(student.getByLabel("Class join code (from your teacher)")).toHaveValue(code);
    await student.getByRole("button", { name: "Create account" }).click();
    await expect(student.getByRole("heading", { name: "My assignments" })).toBeVisible();

    // A wrong code is refused with a clear message.
    await student.goto("/join");
    await student.getByLabel("Class join code").fill("WRONGCODE");
    await student.getByRole("button", { name: "Join class" }).click();
    await expect(student.getByRole("alert").filter({ hasText: "That join code is not valid" })).toBeVisible();

    // The roster shows the student; the teacher assigns the essay.
    await teacher.reload();
    await expect(teacher.getByRole("cell", { name: `Dana ${stamp}` }).first()).toBeVisible();
    await teacher.getByRole("link", { name: "Assign a reading" }).click();
    await teacher.getByLabel("Reading").selectOption({ label: "DeStalinization, The Origins." });
    await teacher.getByRole("textbox", { name: "Instructions for students" }).fill("Find at least one wrong date.");
    await teacher.getByRole("button", { name: "Assign" }).click();
    // Exact: the assign page's own heading ("Assign a reading to History 9 …") would match at once, before the save.
    await expect(teacher.getByRole("heading", { level: 1, name: `History 9 ${stamp}`, exact: true })).toBeVisible();

    await student.goto("/assignments");
    await expect(student.getByText(`History 9 ${stamp}`)).toBeVisible();
    await expect(student.getByText("Not started").first()).toBeVisible();
    await student.getByRole("link", { name: "DeStalinization, The Origins." }).click();
    await expect(student.getByRole("region", { name: "Your teacher's instructions" })).toContainText("Find at least one wrong date.");
    await teacherContext.close();
    await studentContext.close();
  });

  test("a teacher invites a pasted list of students and sees their one-time passwords once", async ({ page }) => {
    const stamp = Date.now().toString(36);
    await signIn(page, "teacher", "/classes");
    await page.getByLabel("New class name").fill(`Roster ${stamp}`);
    await page.getByRole("button", { name: "Create class" }).click();
    await page.getByLabel("Invite students: one per line, as “Name, email”").fill(`Eli Novak, eli.${stamp}@test.school\nFay Lin <fay.${stamp}@test.school>`);
    await page.getByRole("button", { name: "Invite students" }).click();
    await expect(page.getByRole("heading", { name: /One-time passwords/ })).toBeVisible();
    await expect(page.getByRole("cell", { name: `eli.${stamp}@test.school` }).first()).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: /One-time passwords/ })).toHaveCount(0);
    // Nobody is enrolled yet: both wait for an answer.
    await expect(page.getByRole("heading", { name: "Waiting for an answer (2)" })).toBeVisible();
  });
});
