import type { AnnotationDTO } from "../../lib/annotations/types";
import { suiteTitle } from "../helpers/conformance";
import { apiRequest, e2eState } from "./support/api";
import { expect, signIn, test, newContextWithThreadsInFull } from "./support/fixtures";
import { dragSelectAcross } from "./support/select-across";
import {
  checkPage,
  corpusDir as dir,
  doc,
  hazards,
  inBatches,
  newReader,
  pack,
  payloads,
  rawPayloads as raw,
  withControls,
  type Doc,
} from "./support/xss-corpus";

/**
 * Every payload of the shared XSS corpus goes, through the API, into each field
 * a person types (comment and reply bodies, tags, flag corrections, rationales,
 * source titles and links); then the reader, the review dashboard and the errata
 * view are opened in Chromium with tripwires installed before any script runs.
 *
 * The passage is one no other spec asserts on, and every item carries a stamp.
 */
const PASSAGE = "Several possible reasons";
const ESSAY = "/essays/destalinization-origins";
const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _'-]*$/u;

test.describe(suiteTitle("XSS corpus in Chromium"), () => {
  test("every payload in every typed field is stored as text or refused, and runs nowhere", async ({ browser }) => {
    if (!dir) {
      test.info().annotations.push({ type: "skip", description: "conformance material not found" });
      return;
    }
    // 333 payloads through every field and page: minutes on a shared 2-core machine.
    test.setTimeout(300_000);
    expect(raw.length).toBe(333);
    const started = Date.now();
    const stamp = `xss-${Date.now().toString(36)}`;
    const { baseUrl } = e2eState();
    const counts: Record<string, number> = {};
    const count = (field: string, n = 1) => (counts[field] = (counts[field] ?? 0) + n);

    // Ana highlights the passage once in the reader, which gives its quote and position.
    const anaContext = await newContextWithThreadsInFull(browser);
    const ana = await newReader(anaContext);
    await signIn(ana.page, "ana");
    const href = await ana.page.locator("li.card", { hasText: "History 11B" }).getByRole("link", { name: "DeStalinization, The Origins." }).getAttribute("href");
    const assignmentId = new URL(href!, baseUrl).searchParams.get("assignment")!;
    expect(assignmentId).toBeTruthy();
    await ana.page.goto(`${ESSAY}?assignment=${assignmentId}`);
    await expect(ana.page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

    // The tripwires work: a call to alert is recorded.
    expect(await ana.page.evaluate(() => (window.alert("sanity"), (window as unknown as { __xss: string[] }).__xss))).toEqual(["alert(sanity)"]);
    await ana.page.evaluate(() => {
      const w = window as unknown as { __xss: string[] };
      w.__xss.length = 0;
    });
    // ...and the markup check finds a planted javascript: link and inline handler.
    await ana.page.evaluate(() => {
      const a = document.createElement("a");
      a.id = "xss-sanity";
      a.setAttribute("href", " JavaScript:void(0)");
      a.setAttribute("onmouseover", "void 0");
      document.body.append(a);
    });
    expect(await hazards(ana.page)).toEqual(expect.arrayContaining([expect.stringContaining("javascript:"), "<a onmouseover>"]));
    await ana.page.evaluate(() => document.getElementById("xss-sanity")?.remove());

    await dragSelectAcross(ana.page, PASSAGE);
    const toolbar = ana.page.getByRole("toolbar", { name: "Annotate the selection" });
    await expect(toolbar).toBeVisible();
    const created = ana.page.waitForResponse((r) => r.url().endsWith(`/api/assignments/${assignmentId}/annotations`) && r.request().method() === "POST");
    await toolbar.getByRole("button", { name: /^Highlight/ }).click();
    const highlight = (await (await created).json()) as { annotation: AnnotationDTO };
    const { quote, position } = highlight.annotation;
    expect(quote.exact).toBe(PASSAGE);
    const anchor = { quote, position };
    const api = (method: string, url: string, body?: unknown) => apiRequest(anaContext, baseUrl, method, url, body);
    const fail = async (res: Response, what: string) => `${what}: ${res.status} ${res.status >= 300 ? await res.text() : ""}`;

    // Comments: payloads as paragraphs, under the body limit; each gets a reply carrying the same payloads.
    const bodyGroups = pack(payloads, 4_600, 40);
    const comments = await inBatches(bodyGroups, 6, async (group, i) => {
      const res = await api("POST", `/api/assignments/${assignmentId}/annotations`, {
        id: crypto.randomUUID(),
        kind: "comment",
        scope: "class",
        ...anchor,
        body: doc(`${stamp} comment ${i}`, ...group.map((p) => p.payload)),
        tags: [],
      });
      expect(res.status, await fail(res, `comment ${i}`)).toBe(201);
      count("comment bodies", group.length);
      return ((await res.json()) as { annotation: AnnotationDTO }).annotation.id;
    });
    await inBatches(bodyGroups, 6, async (group, i) => {
      const res = await api("POST", `/api/annotations/${comments[i]}/replies`, {
        id: crypto.randomUUID(),
        body: doc(`${stamp} reply ${i}`, ...group.map((p) => p.payload)),
      });
      expect(res.status, await fail(res, `reply ${i}`)).toBe(201);
      count("reply bodies", group.length);
    });

    // Tags: one payload per request, so each refusal belongs to one payload.
    await inBatches(payloads, 12, async (p) => {
      const res = await api("POST", `/api/assignments/${assignmentId}/annotations`, {
        id: crypto.randomUUID(),
        kind: "highlight",
        scope: "private",
        ...anchor,
        tags: [p.payload],
      });
      const trimmed = p.payload.trim();
      const valid = [...trimmed].length <= 32 && TAG_PATTERN.test(trimmed);
      expect(res.status, await fail(res, `tag ${p.id}`)).toBe(valid ? 201 : 422);
      count("tags");
      if (res.status === 422) count("tags refused (422)");
    });

    // Flags: corrections, rationales, source titles and quotes, and http links carrying the payload.
    const flagGroups = pack(payloads, 1_900, 10);
    const flags = await inBatches(flagGroups, 6, async (group, i) => {
      const res = await api("POST", `/api/assignments/${assignmentId}/flags`, {
        id: crypto.randomUUID(),
        scope: "class",
        ...anchor,
        category: "term_spelling",
        correction: group.map((p) => p.payload).join(" "),
        rationale: doc(`${stamp} flag ${i}`, ...group.map((p) => p.payload)),
        evidence: group.map((p) => ({
          title: p.payload.trim().slice(0, 300) || p.id,
          author: `${stamp} ${p.id}`,
          year: "",
          url: `https://example.org/${p.id}?q=${encodeURIComponent(p.payload)}`.slice(0, 2000),
          locator: "",
          quote: p.payload.trim().slice(0, 1000),
        })),
        tags: [],
      });
      expect(res.status, await fail(res, `flag ${i}`)).toBe(201);
      count("flag corrections", group.length);
      count("flag rationales", group.length);
      count("evidence titles", group.length);
      count("evidence http URLs", group.length);
      return ((await res.json()) as { annotation: AnnotationDTO }).annotation.id;
    });

    // A payload as the link itself: anything but an http(s) address is refused.
    await inBatches(payloads, 12, async (p) => {
      const res = await api("POST", `/api/assignments/${assignmentId}/flags`, {
        id: crypto.randomUUID(),
        scope: "private",
        ...anchor,
        category: "term_spelling",
        correction: "x",
        evidence: [{ title: `${stamp} raw link`, url: p.payload }],
        tags: [],
      });
      count("evidence raw URLs");
      if (!/^https?:\/\//i.test(p.payload)) {
        expect(res.status, await fail(res, `raw url ${p.id}`)).toBe(422);
        count("evidence raw URLs refused (422)");
      }
    });

    // Payloads with control characters, unaltered: refused in rich text, never a server error elsewhere.
    for (const p of withControls) {
      const res = await api("POST", `/api/assignments/${assignmentId}/annotations`, {
        id: crypto.randomUUID(),
        kind: "comment",
        scope: "private",
        ...anchor,
        body: doc(p.payload),
        tags: [],
      });
      expect(res.status, await fail(res, `control comment ${p.id}`)).toBe(422);
      count("raw payloads with controls refused in comment bodies (422)");
      const flag = await api("POST", `/api/assignments/${assignmentId}/flags`, {
        id: crypto.randomUUID(),
        scope: "private",
        ...anchor,
        category: "term_spelling",
        correction: p.payload,
        evidence: [{ title: p.payload, url: null }],
        tags: [],
      });
      expect([201, 422], await fail(flag, `control flag ${p.id}`)).toContain(flag.status);
      count(`raw payloads with controls in flag correction/title: ${flag.status}`);
    }

    // Smuggled nodes, marks and attributes, one set per payload family: all refused.
    const families = [...new Set(payloads.map((p) => p.source))];
    for (const family of families) {
      const sample = payloads.find((p) => p.source === family)!.payload;
      const smuggled: [string, Doc][] = [
        ["html node", { type: "doc", content: [{ type: "html", content: sample }] }],
        ["raw html attr", { type: "doc", content: [{ type: "paragraph", attrs: { html: sample }, content: [{ type: "text", text: "x" }] }] }],
        ["onclick attr", { type: "doc", content: [{ type: "paragraph", attrs: { onclick: "alert(1)" }, content: [{ type: "text", text: sample }] }] }],
        ["javascript link", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: sample, marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] }],
        ["data link", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: `data:text/html,${sample}` } }] }] }] }],
        ["spaced javascript link", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: " \tjava\nscript:alert(1)" } }] }] }] }],
        ["link onclick", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "https://example.org", onclick: "alert(1)" } }] }] }] }],
        ["image node", { type: "doc", content: [{ type: "image", attrs: { src: "x", onerror: "alert(1)" } }] }],
        ["text attrs", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: sample, attrs: { style: "x" } }] }] }],
        ["unknown mark", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "script", attrs: { src: "x" } }] }] }] }],
      ];
      for (const [what, body] of smuggled) {
        const res = await api("POST", `/api/assignments/${assignmentId}/annotations`, {
          id: crypto.randomUUID(),
          kind: "comment",
          scope: "private",
          ...anchor,
          body,
          tags: [],
        });
        expect(res.status, await fail(res, `smuggled ${what} (${family})`)).toBe(422);
        const reply = await api("POST", `/api/annotations/${comments[0]}/replies`, { id: crypto.randomUUID(), body });
        expect(reply.status, await fail(reply, `smuggled reply ${what} (${family})`)).toBe(422);
        count("smuggled docs refused (422)", 2);
      }
    }
    const posting = Date.now() - started;

    // The teacher verifies a few flags, so payload corrections reach the errata view too.
    const teacherContext = await newContextWithThreadsInFull(browser);
    const teacher = await newReader(teacherContext);
    await signIn(teacher.page, "teacher");
    for (const id of flags.slice(0, 3)) {
      const res = await apiRequest(teacherContext, baseUrl, "POST", `/api/flags/${id}/review`, { status: "verified", reason: `${stamp} ok` });
      expect(res.status, await fail(res, `verify ${id}`)).toBe(200);
    }

    // Chromium: the reader (Ana), the review dashboard (teacher), the errata view (both).
    const results = [
      await checkPage(ana.page, ana.seen, `${ESSAY}?assignment=${assignmentId}`, stamp),
      await checkPage(teacher.page, teacher.seen, `/assignments/${assignmentId}/review`, stamp),
      await checkPage(teacher.page, teacher.seen, `${ESSAY}/errata?assignment=${assignmentId}`, null),
      await checkPage(ana.page, ana.seen, `${ESSAY}/errata?assignment=${assignmentId}`, null),
      await checkPage(teacher.page, teacher.seen, `${ESSAY}?assignment=${assignmentId}`, stamp),
    ];
    console.log(
      JSON.stringify({
        payloads: payloads.length,
        counts,
        comments: comments.length,
        flags: flags.length,
        pagesChecked: results.length,
        executions: results.reduce((n, r) => n + r.executions, 0),
        cspViolations: results.flatMap((r) => r.csp).map((m) => m.slice(0, 160)),
        consoleErrors: results.flatMap((r) => r.console).slice(0, 5),
        postingMs: posting,
        totalMs: Date.now() - started,
      }),
    );
    await anaContext.close();
    await teacherContext.close();
  });
});
