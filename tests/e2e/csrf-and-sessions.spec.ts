import { apiRequest, cookieHeader, e2eState } from "./support/api";
import { demo, demoAssignmentLink, expect, signIn, test } from "./support/fixtures";
import { requireSession, signInOverHttp } from "./support/http-session";
import { listMutationRoutes } from "./support/mutation-routes";

/**
 * The two endpoints a learning platform posts to from its own site, as LTI 1.3 requires (Security Framework
 * §5.1.1): the login initiation and the OIDC form_post of the launch. They are the only exceptions to the
 * Origin rule; the launch's state (bound to the browser by a cookie) and nonce stand in for it, tested below.
 */
const CROSS_SITE_BY_SPECIFICATION = ["app/api/lti/login/route.ts", "app/api/lti/launch/route.ts"];
const allRoutes = listMutationRoutes();
const routes = allRoutes.filter((r) => !CROSS_SITE_BY_SPECIFICATION.includes(r.file));

/** What a forged request looks like: a victim's cookie, sent from somewhere else. */
const FORGERIES: { name: string; origin: string | null }[] = [
  { name: "a foreign Origin", origin: "https://evil.example" },
  { name: "Origin: null (sandboxed frame, data: URL)", origin: "null" },
  { name: "no Origin at all", origin: null },
];

test.describe("cross-site request forgery", () => {
  test("the route list is read from app/ and holds the routes we know about", () => {
    const listed = routes.map((r) => `${r.method} ${r.file}`);
    for (const known of [
      "POST app/api/assignments/[id]/annotations/route.ts",
      "DELETE app/api/annotations/[id]/route.ts",
      "PUT app/api/flags/[id]/vote/route.ts",
      "POST app/api/auth/[...nextauth]/route.ts",
    ]) {
      expect(listed).toContain(known);
    }
  });

  test("every mutation route refuses a forged request carrying a signed-in student's cookie", async () => {
    const { baseUrl } = e2eState();
    const cookie = await requireSession(baseUrl, demo.ana.email, demo.ana.password);
    const failures: string[] = [];
    for (const route of routes) {
      for (const forgery of FORGERIES) {
        // Both the JSON a script would send and the text/plain a plain HTML form can send.
        for (const type of ["application/json", "text/plain"]) {
          const headers: Record<string, string> = { Cookie: cookie, "Content-Type": type };
          if (forgery.origin !== null) headers.Origin = forgery.origin;
          const res = await fetch(`${baseUrl}${route.url}`, { method: route.method, headers, body: "{}", redirect: "manual" });
          if (res.status !== 403) failures.push(`${route.method} ${route.url} with ${forgery.name} (${type}): ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test("the only routes open to cross-site posts are the two an LTI platform must post to", () => {
    expect(allRoutes.filter((r) => CROSS_SITE_BY_SPECIFICATION.includes(r.file)).map((r) => `${r.method} ${r.file}`).sort()).toEqual([
      "POST app/api/lti/launch/route.ts",
      "POST app/api/lti/login/route.ts",
    ]);
  });

  test("a cross-site post to the LTI endpoints opens nothing without this browser's own login state", async () => {
    const { baseUrl } = e2eState();
    const cookie = await requireSession(baseUrl, demo.ana.email, demo.ana.password);
    const post = (path: string, body: Record<string, string>) =>
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { Cookie: cookie, Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(body),
        redirect: "manual",
      });
    // A forged launch: any id_token, any state. No state cookie of this browser holds it, so it is refused before anything.
    const launch = await post("/api/lti/launch", { id_token: "eyJhbGciOiJSUzI1NiJ9.e30.x", state: "forged-state-value" });
    expect(launch.status).toBe(401);
    expect(await launch.text()).toContain("did not start in this browser");
    expect(launch.headers.getSetCookie()).toEqual([]);
    // A login initiation for a platform nobody registered sends the browser nowhere.
    const login = await post("/api/lti/login", { iss: "https://evil.example", login_hint: "x", target_link_uri: `${baseUrl}/api/lti/launch` });
    expect(login.status).toBe(401);
    expect(login.headers.get("location")).toBeNull();
    expect(login.headers.getSetCookie()).toEqual([]);
    // Neither takes anything but a form.
    for (const path of ["/api/lti/launch", "/api/lti/login"]) {
      const res = await fetch(`${baseUrl}${path}`, { method: "POST", headers: { Cookie: cookie, Origin: "https://evil.example", "Content-Type": "text/plain" }, body: "{}" });
      expect(res.status).toBe(415);
    }
  });

  test("every mutation route refuses a text/plain body even from our own origin (415)", async () => {
    const { baseUrl } = e2eState();
    const cookie = await requireSession(baseUrl, demo.ana.email, demo.ana.password);
    const failures: string[] = [];
    for (const route of allRoutes) {
      const res = await fetch(`${baseUrl}${route.url}`, {
        method: route.method,
        headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "text/plain" },
        body: '{"id":"x"}',
        redirect: "manual",
      });
      if (res.status !== 415) failures.push(`${route.method} ${route.url}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});

test.describe("session cookies", () => {
  test("the session cookie is HttpOnly and SameSite=Lax, and not Secure on plain http", async ({ page, context }) => {
    const { baseUrl } = e2eState();
    const http = await signInOverHttp(baseUrl, demo.chloe.email, demo.chloe.password);
    const line = http.setCookie.find((c) => c.startsWith("next-auth.session-token="));
    expect(line).toBeDefined();
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).not.toMatch(/;\s*Secure/i);

    await signIn(page, "chloe");
    const session = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
    // Page scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  });

  test("after Ben signs out, a copy of his old cookie opens nothing", async ({ page, context }) => {
    const { baseUrl } = e2eState();
    await signIn(page, "ben");
    await demoAssignmentLink(page).click();
    await expect(page).toHaveURL(/[?&]assignment=/);
    const assignmentId = new URL(page.url()).searchParams.get("assignment")!;
    const saved = await cookieHeader(context);
    const list = `/api/assignments/${assignmentId}/annotations`;
    expect((await fetch(`${baseUrl}${list}`, { headers: { Cookie: saved } })).status).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);

    const replay = (method: string, url: string, body?: unknown) =>
      fetch(`${baseUrl}${url}`, {
        method,
        headers: { Cookie: saved, Origin: baseUrl, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const read = await replay("GET", list);
    expect(read.status).toBe(401);
    expect(await read.json()).toMatchObject({ error: { code: "unauthenticated" } });
    expect((await replay("POST", list, { id: crypto.randomUUID(), kind: "highlight" })).status).toBe(401);
    expect((await replay("GET", `/api/assignments/${assignmentId}/events`)).status).toBe(401);
    // The page itself sends the old cookie's owner to sign in.
    const pageRes = await fetch(`${baseUrl}/assignments`, { headers: { Cookie: saved }, redirect: "manual" });
    expect(pageRes.status).toBeGreaterThanOrEqual(300);
    expect(pageRes.headers.get("location") ?? (await pageRes.text())).toContain("/signin");
  });

  test("a same-origin request with the session still works, so the refusals above are not an accident", async ({ browser }) => {
    const { baseUrl } = e2eState();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "ana");
    const res = await apiRequest(context, baseUrl, "PATCH", `/api/annotations/${crypto.randomUUID()}`, { version: 1, tags: [] });
    expect(res.status).toBe(404); // got past the origin, session and media checks to the lookup
    await context.close();
  });
});
