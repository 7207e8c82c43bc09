import type { Browser, BrowserContext, Page } from "@playwright/test";
import { suiteTitle } from "../helpers/conformance";
import { apiRequest, e2eState } from "./support/api";
import { cleanDisplayName } from "../../lib/validation/display-name";
import { expect, test, newContextWithThreadsInFull } from "./support/fixtures";
import {
  findFlagIds,
  findUserIds,
  renameClass,
  seedClassAssignments,
  seedClasses,
  seedCredits,
  seedStudents,
  seedThreads,
  seedXssAccounts,
  type XssAccount,
} from "./support/seed-xss-people";
import {
  checkPage,
  corpusDir as dir,
  doc,
  expectNothingRan,
  expectShown,
  flatten,
  inBatches,
  newReader,
  openTab,
  pack,
  payloads,
  sampleOf,
  type PageCheck,
  type Payload,
  type Shown,
  type Watch,
  withControls,
} from "./support/xss-corpus";
import { buildImportFile, buildRefusedFile } from "./support/xss-jsonld";

/**
 * The XSS corpus in the fields a person does not type into a comment: display
 * names, class names, assignment instructions and imported W3C JSON-LD. What
 * the forms accept goes in through the HTTP API; what they refuse (names over
 * 80 characters) is written to the database as a legacy row would be. Then
 * every page where those fields show is opened in Chromium with the same
 * tripwires as xss-corpus.spec.ts: nothing may run, no javascript:/data: link
 * may appear, and a sample of each field's payloads must be visible as text.
 *
 * The accounts and classes are this spec's own, so no other spec's pages grow.
 */
const ESSAY = "/essays/destalinization-origins";
const PASSAGE = "Several possible reasons";
const NAME_MAX = 80;
/** Sign-ups made through the API: enough to cover the path, few enough that bcrypt does not set the pace. */
const SIGNUP_SAMPLE = 24;

type Viewer = { context: BrowserContext; page: Page; seen: Watch };

async function signInAs(browser: Browser, account: XssAccount): Promise<Viewer> {
  const context = await newContextWithThreadsInFull(browser);
  const { page, seen } = await newReader(context);
  await page.goto("/signin?callbackUrl=%2Fassignments");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/assignments/, { timeout: 20_000 });
  return { context, page, seen };
}

const texts = (items: Payload[]) => items.map((p) => p.payload);
/** How the forms store a name: trimmed. Valid when 1 to 80 characters are left. */
const fitsForm = (name: string, min = 1) => name.trim().length >= min && name.trim().length <= NAME_MAX;
/** Display names also refuse every control character, tab and newline included. */
const fitsNameForm = (name: string) => fitsForm(name) && !/[\u0000-\u001f\u007f]/.test(name);

test.describe(suiteTitle("XSS corpus in names, classes, instructions and imports"), () => {
  test("every payload as a display name, class name, instruction and imported annotation runs nowhere and shows as text", async ({ browser }) => {
    if (!dir) {
      test.info().annotations.push({ type: "skip", description: "conformance material not found" });
      return;
    }
    // 333 payloads through every field and page: minutes on a shared 2-core machine.
    test.setTimeout(300_000);
    expect(payloads.length).toBe(333);
    const started = Date.now();
    const stamp = `xssp-${Date.now().toString(36)}`;
    const { baseUrl, databaseUrl } = e2eState();
    const counts: Record<string, number> = {};
    const count = (field: string, n = 1) => (counts[field] = (counts[field] ?? 0) + n);
    const checks: PageCheck[] = [];
    const phases: Record<string, number> = {};
    let lapStart = started;
    const lap = (name: string) => ((phases[name] = Date.now() - lapStart), (lapStart = Date.now()));
    let shown = 0;
    const fail = async (res: Response, what: string) => `${what}: ${res.status} ${res.status >= 300 ? await res.text() : ""}`;

    // Every payload at once, as one name: a class whose name holds the whole corpus, and a reader named so too.
    const everything = texts(payloads).join(" ");
    const readerName = `${stamp} reader ${everything}`;
    const world = await seedXssAccounts(databaseUrl, { stamp, teacherName: `Teacher ${stamp}`, readerName });
    const teacher = await signInAs(browser, world.teacher);
    const api = (method: string, url: string, body?: unknown) => apiRequest(teacher.context, baseUrl, method, url, body);
    lap("accounts");

    // Class names: each payload through the API; those it refuses (under 2 or over 80 characters) as legacy rows.
    const created = await inBatches(payloads, 24, async (p) => {
      const res = await api("POST", "/api/classes", { name: p.payload });
      const valid = fitsForm(p.payload, 2);
      expect(res.status, await fail(res, `class ${p.id}`)).toBe(valid ? 201 : 422);
      count(valid ? "class names (API, 201)" : "class names refused by the API (422), seeded as legacy rows");
      return valid ? ((await res.json()) as { class: { id: string } }).class.id : null;
    });
    const refusedClassNames = payloads.filter((_, i) => !created[i]).map((p) => p.payload);
    const legacyClasses = await seedClasses(databaseUrl, { teacherId: world.teacher.id, names: refusedClassNames, stamp });
    const classIds = [...created.filter((id): id is string => id !== null), ...legacyClasses];
    await seedClassAssignments(databaseUrl, { classIds, essayId: world.essayId, studentId: world.reader.id });
    lap("class names");

    // The corpus class: made through the API, then given the whole corpus as its name (no form takes that).
    const made = await api("POST", "/api/classes", { name: `${stamp} corpus` });
    const corpus = ((await made.json()) as { class: { id: string; joinCode: string } }).class;
    const className = `${stamp} class ${everything}`;
    await renameClass(databaseUrl, { classId: corpus.id, name: className });
    lap("corpus class");

    // Assignment instructions: the corpus in rich-text paragraphs, as many assignments as the 5,000-character limit needs.
    const groups = pack(payloads, 4_600, 60);
    const assignmentIds = await inBatches(groups, 3, async (group, i) => {
      const res = await api("POST", `/api/classes/${corpus.id}/assignments`, {
        essayId: world.essayId,
        dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        instructions: doc(`${stamp} instructions ${i}`, ...texts(group)),
        peerFlagVisibility: "always",
      });
      expect(res.status, await fail(res, `assignment ${i}`)).toBe(201);
      count("assignment instructions", group.length);
      return ((await res.json()) as { assignment: { id: string } }).assignment.id;
    });
    const [first, imported] = [assignmentIds[0], assignmentIds.at(-1)!];
    lap("instructions");

    // Display names. Every name the form refuses is tried (a cheap 422) and becomes a legacy row; of the names it
    // takes, a spread sample signs up for real (each costs a bcrypt hash) and the rest are stored as it stores them.
    const validNames = payloads.filter((p) => fitsNameForm(p.payload));
    const viaApi = new Set(validNames.filter((_, i) => i % Math.ceil(validNames.length / SIGNUP_SAMPLE) === 0).map((p) => p.id));
    const signups = await inBatches(payloads, 8, async (p, i) => {
      const valid = fitsNameForm(p.payload);
      if (valid && !viaApi.has(p.id)) return "stored";
      const res = await fetch(`${baseUrl}/api/signup`, {
        method: "POST",
        headers: { Origin: baseUrl, "Content-Type": "application/json" },
        body: JSON.stringify({ name: p.payload, email: `p${i}-${stamp}@xss.school`, password: "payload-password", joinCode: corpus.joinCode }),
      });
      expect(res.status, await fail(res, `sign-up ${p.id}`)).toBe(valid ? 201 : 422);
      return valid ? "signed up" : "legacy";
    });
    count("display names (sign-up API, 201)", signups.filter((s) => s === "signed up").length);
    count("display names the form accepts, stored trimmed as it stores them", signups.filter((s) => s === "stored").length);
    count("display names refused by sign-up (422), seeded as legacy rows", signups.filter((s) => s === "legacy").length);
    lap("sign-ups");
    // Payloads with their control characters (NUL included), unaltered: refused or stored, never a server error.
    for (const [i, p] of withControls.entries()) {
      const cls = await api("POST", "/api/classes", { name: p.payload });
      expect([201, 422], await fail(cls, `raw class name ${p.id}`)).toContain(cls.status);
      count(`raw payloads with controls as class names: ${cls.status}`);
      const res = await fetch(`${baseUrl}/api/signup`, {
        method: "POST",
        headers: { Origin: baseUrl, "Content-Type": "application/json" },
        body: JSON.stringify({ name: p.payload, email: `raw${i}-${stamp}@controls.school`, password: "payload-password" }),
      });
      expect(res.status, await fail(res, `raw sign-up ${p.id}`)).toBe(422);
      count("raw payloads with controls as display names refused (422)");
    }
    // U+0000 is not in the corpus, but a script can send it; PostgreSQL cannot store it: a sentence, not a 500.
    const nul = await api("POST", "/api/classes", { name: `${payloads[0].payload}\u0000` });
    const refusal = await nul.text();
    expect(nul.status, refusal).toBe(422);
    expect(refusal).toContain("NUL character");
    count("class names with U+0000 refused (422)");
    const byEmail = await findUserIds(databaseUrl, `-${stamp}@xss.school`);
    const seeded = payloads.filter((_, i) => signups[i] !== "signed up");
    const seededIds = await seedStudents(databaseUrl, {
      classId: corpus.id,
      names: seeded.map((p) => (fitsNameForm(p.payload) ? p.payload.trim() : p.payload)),
      stamp,
    });
    let next = 0;
    const studentIds = payloads.map((_, i) => (signups[i] === "signed up" ? byEmail.get(`p${i}-${stamp}@xss.school`)! : seededIds[next++]));
    await seedThreads(databaseUrl, { assignmentId: first, world, passage: PASSAGE, authorIds: studentIds, stamp });
    count("display names on threads and replies", studentIds.length);
    lap("raw controls + threads");

    // The reader joins the corpus class through the join form, which names the class it joined.
    const reader = await signInAs(browser, world.reader);
    for (const list of Object.values(reader.seen)) list.length = 0;
    await reader.page.goto(`/join?code=${corpus.joinCode}`);
    await reader.page.getByRole("button", { name: "Join class" }).click();
    await expect(reader.page.getByRole("status").filter({ hasText: "You joined" })).toContainText(stamp);
    checks.push(await expectNothingRan(reader.page, reader.seen, "/join (joined)"));
    shown += await expectShown(reader.page, { selector: "[role=status]", wanted: texts(sampleOf(payloads, 12)) }, "/join");
    lap("join");

    // A flag by the reader, verified, credited to every payload-named student: the errata's "found by".
    const flag = await apiRequest(reader.context, baseUrl, "POST", `/api/assignments/${first}/flags`, {
      id: crypto.randomUUID(),
      scope: "class",
      quote: { exact: PASSAGE, prefix: "", suffix: "" },
      position: (() => {
        const at = [...world.text.slice(0, world.text.indexOf(PASSAGE))].length;
        return { start: at, end: at + [...PASSAGE].length };
      })(),
      category: "term_spelling",
      correction: `${stamp} correction`,
      rationale: doc(`${stamp} rationale`),
      tags: [],
    });
    expect(flag.status, await fail(flag, "reader's flag")).toBe(201);
    const flagId = ((await flag.json()) as { annotation: { id: string } }).annotation.id;
    const verified = await api("POST", `/api/flags/${flagId}/review`, { status: "verified", reason: `${stamp} ok` });
    expect(verified.status, await fail(verified, "verify")).toBe(200);
    await seedCredits(databaseUrl, { flagId, userIds: studentIds });
    count("display names in errata credits", studentIds.length);
    const posting = Date.now() - started;
    lap("flag");

    // The teacher imports JSON-LD through the dashboard: first a file it must refuse, then the corpus.
    const t = teacher;
    const review = `/assignments/${imported}/review`;
    // The import form is on the dashboard's "Export and import" tab, which its old anchor opens.
    checks.push(await checkPage(t.page, t.seen, `${review}#export-import`, null));
    await expect(t.page.getByRole("tab", { name: "Export and import" })).toHaveAttribute("aria-selected", "true");
    const file = t.page.getByLabel("W3C Web Annotation file (.json or .jsonld)");
    for (const p of sampleOf(payloads, 3)) {
      await file.setInputFiles({ name: "refused.jsonld", mimeType: "application/ld+json", buffer: Buffer.from(JSON.stringify(buildRefusedFile([p]))) });
      await t.page.getByRole("button", { name: "Import" }).click();
      // Wait for this file's message, not the last one's.
      await expect(t.page.locator("#export-import p.form-error")).toContainText(flatten(p.payload).slice(0, 40));
      await expect(t.page.locator("#export-import p.form-error")).toContainText("Nothing was imported.");
      shown += await expectShown(t.page, { selector: "#export-import p.form-error", wanted: [p.payload.slice(0, 200)] }, "the import error");
      count("import: refused items quoted in the error");
    }
    lap("refused uploads");
    const upload = buildImportFile({ stamp, source: `${baseUrl}${ESSAY}`, passage: PASSAGE, payloads });
    await file.setInputFiles({ name: "corpus.jsonld", mimeType: "application/ld+json", buffer: Buffer.from(JSON.stringify(upload.items)) });
    await t.page.getByRole("button", { name: "Import" }).click();
    await expect(t.page.getByText("Import finished.")).toBeVisible({ timeout: 60_000 });
    lap("import itself");
    checks.push(await expectNothingRan(t.page, t.seen, `${review} (after import)`));
    for (const [field, n] of Object.entries(upload.counts)) count(field, n);
    // The imported flags, verified, so their corrections reach the errata view too.
    const importedFlags = await findFlagIds(databaseUrl, imported);
    expect(importedFlags.length).toBe(upload.flags);
    await inBatches(importedFlags, 6, async (id) => {
      const res = await api("POST", `/api/flags/${id}/review`, { status: "verified", reason: `${stamp} ok` });
      expect(res.status, await fail(res, `verify imported ${id}`)).toBe(200);
    });
    lap("import");

    // Chromium, both people at once: every page where these fields show. Samples must be visible as text;
    // the whole-corpus names are taken out first where they would otherwise make every sample "present".
    const names = texts(sampleOf(payloads, 16));
    const otherNames = (selector: string): Shown => ({ selector, wanted: names, without: [readerName] });
    const classNames: Shown = { selector: ".card-title, li.card p.muted", wanted: names, without: [className] };
    const classTitle: Shown = { selector: ".assignment-strip, h1", wanted: names.slice(0, 6) };
    const importedText: Shown = {
      selector: "[data-annotation-id]",
      wanted: [
        ...texts(sampleOf(payloads.filter((_, i) => i % 2 === 0), 12)),
        // Provenance: the file's creator, cleaned of what no display name may hold (cleanDisplayName), as text.
        ...sampleOf(payloads, 8)
          .map((p) => cleanDisplayName(p.payload).slice(0, 200).trim())
          .filter(Boolean)
          .map((name) => `originally by ${name}`),
      ],
    };
    const importedCorrections: Shown = { selector: ".erratum-change", wanted: texts(sampleOf(payloads, 12)) };
    const instructions = (i: number): Shown => ({ selector: "section.instructions", wanted: texts(sampleOf(groups[i], 6)) });
    const visit = async (v: Viewer, url: string, expectations: Shown[] = []) => {
      checks.push(await checkPage(v.page, v.seen, url, stamp));
      for (const e of expectations) shown += await expectShown(v.page, e, url);
    };
    // Each person's pages in two tabs, so no one list of pages sets the pace alone.
    const teacherPages = async (v: Viewer, part: number) => {
      if (part === 0) {
        await visit(v, "/classes", [classNames]);
        await visit(v, "/assignments", [classNames]);
        await visit(v, `/classes/${corpus.id}`, [classTitle, otherNames("table.data-table tbody td:first-child")]);
        await visit(v, `/classes/${corpus.id}/assign`, [classTitle]);
        await visit(v, `${ESSAY}/errata?assignment=${first}`, [classTitle, otherNames(".erratum-meta")]);
        await visit(v, `${ESSAY}/errata?assignment=${imported}`, [importedCorrections]);
      } else {
        await visit(v, `/assignments/${first}/review`, [classTitle, otherNames("tbody th[scope=row]")]);
        await visit(v, review);
        await visit(v, `${ESSAY}?assignment=${first}`, [classTitle, otherNames(".annotation-author"), instructions(0)]);
        await visit(v, `${ESSAY}?assignment=${imported}`, [importedText]);
      }
    };
    const readerPages = async (r: Viewer, part: number) => {
      if (part === 0) {
        await visit(r, "/classes", [classNames]);
        await visit(r, "/assignments", [classNames, { selector: "[data-testid=session-name]", wanted: names }]);
        await visit(r, `${ESSAY}/errata?assignment=${first}`, [otherNames(".erratum-meta")]);
        await visit(r, "/account", [{ selector: "main", wanted: names }]);
      } else {
        await visit(r, `${ESSAY}/errata?assignment=${imported}`, [importedCorrections]);
      }
      for (const [i, id] of assignmentIds.entries()) {
        if (i % 2 !== part) continue;
        await visit(r, `${ESSAY}?assignment=${id}`, [instructions(i), classTitle, ...(i === 0 ? [otherNames(".annotation-author")] : [])]);
      }
    };
    const [teacherTab, readerTab] = [
      { context: t.context, ...(await openTab(t.context)) },
      { context: reader.context, ...(await openTab(reader.context)) },
    ];
    await Promise.all([teacherPages(t, 0), teacherPages(teacherTab, 1), readerPages(reader, 0), readerPages(readerTab, 1)]);
    lap("pages");

    console.log(
      JSON.stringify({
        payloads: payloads.length,
        counts,
        assignments: assignmentIds.length,
        pagesChecked: checks.length,
        textsShown: shown,
        executions: checks.reduce((n, c) => n + c.executions, 0),
        cspViolations: checks.flatMap((c) => c.csp).map((m) => m.slice(0, 160)),
        consoleErrors: checks.flatMap((c) => c.console).slice(0, 5),
        postingMs: posting,
        phasesMs: phases,
        totalMs: Date.now() - started,
      }),
    );
    await teacher.context.close();
    await reader.context.close();
  });
});
