import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as jwksGet } from "@/app/api/lti/jwks/route";
import { GET as loginGet, POST as loginPost } from "@/app/api/lti/login/route";
import { db } from "@/lib/db";
import { registerPlatform } from "@/lib/server/lti/platforms";
import { platformInputSchema } from "@/lib/validation/lti-platform";
import { APP, launch, postLaunch, serveHandlers, TestBrowser } from "../support/lti-browser";
import { PlatformEmulator, ROLE } from "../support/lti-platform";
import { makeUser } from "../support/world";

/*
 * Every check of an LTI 1.3 launch (Security Framework 1.0 §5.1, LTI Core 1.3
 * §5), against a platform emulator that runs here: the real login and launch
 * route handlers, the real database, the platform's keys fetched over HTTP.
 */

let platform: PlatformEmulator;
let toolServer: Awaited<ReturnType<typeof serveHandlers>>;
const teacher = { sub: "t-100", name: "Ms. Okafor", email: "okafor@lms.school" };
const student = { sub: "s-200", name: "Ana Learner", email: "ana@lms.school" };
const mentor = { sub: "m-300", name: "Parent Mentor" };
const COURSE = "hist-11b";

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", APP);
  // Every unknown key id may refetch the platform's keys at once (the default waits 10 s between refetches).
  vi.stubEnv("LTI_JWKS_COOLDOWN_MS", "0");
  platform = await PlatformEmulator.start();
  toolServer = await serveHandlers({ "/api/lti/jwks": () => jwksGet() });
  platform.registerTool({ loginUrl: `${APP}/api/lti/login`, redirectUris: [`${APP}/api/lti/launch`], jwksUrl: `${toolServer.origin}/api/lti/jwks` });
  platform.addCourse(COURSE, "History 11B (LMS)");
  platform.enroll(COURSE, teacher, [ROLE.instructor]);
  platform.enroll(COURSE, student, [ROLE.learner]);
  platform.enroll(COURSE, mentor, [ROLE.mentor]);
  platform.addLink(COURSE, { id: "link-1", title: "Reading 1", custom: {} });
  const admin = await makeUser("LTI Admin", "admin");
  await registerPlatform({ viewer: admin, input: platformInputSchema.parse(platform.registration) });
});

afterAll(async () => {
  await platform.close();
  await toolServer.close();
  vi.unstubAllEnvs();
});

/** A launch by `who` that the tool must refuse, with `check` named and a sentence matching `sentence`. */
async function expectRefused(result: { status: number; text: string; location: string | null }, sentence: RegExp) {
  expect(result.location).toBeNull();
  expect(result.status).toBeGreaterThanOrEqual(400);
  expect(result.text).toMatch(sentence);
}

describe("a launch that passes every check", () => {
  it("makes the course's class on the teacher's first launch, with them as its teacher, and signs them in inside the frame", async () => {
    const browser = new TestBrowser();
    const result = await launch(platform, browser, { user: teacher, courseId: COURSE, linkId: "link-1" });
    expect(result.status).toBe(303);
    // The link opens no assignment yet: the teacher chooses one.
    expect(result.location).toMatch(/^\/lti\/deep-link\?launch=/);

    const identity = await db.ltiUser.findUniqueOrThrow({ where: { issuer_sub: { issuer: platform.issuer, sub: teacher.sub } }, include: { user: true } });
    expect(identity.user).toMatchObject({ name: "Ms. Okafor", email: "okafor@lms.school", accountRole: "teacher" });
    const course = await db.ltiContext.findFirstOrThrow({ where: { issuer: platform.issuer, contextId: COURSE }, include: { classroom: { include: { memberships: true } } } });
    expect(course.classroom.name).toBe("History 11B (LMS)");
    expect(course.classroom.memberships).toEqual([expect.objectContaining({ userId: identity.userId, role: "teacher" })]);
    expect(course.membershipsUrl).toBe(`${platform.origin}/courses/${COURSE}/memberships`);

    // The session and frame-grant cookies work inside the platform's frame; the state cookie is gone.
    expect([...browser.cookies.keys()].sort()).toEqual(["marginalia.lti-frame", "marginalia.lti-session"]);
  });

  it("sets its cookies SameSite=None; Secure; Partitioned; HttpOnly, the state cookie only for the launch path", async () => {
    const params = platform.loginInitiation({ user: student, courseId: COURSE, linkId: "link-1" });
    const res = await loginGet(new Request(`${APP}/api/lti/login?${params}`), undefined);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^marginalia\.lti-state-[\w-]{16}=[\w-]+; Path=\/api\/lti\/launch; Max-Age=600; HttpOnly; Secure; SameSite=None; Partitioned$/);
    const auth = new URL(res.headers.get("location")!);
    expect(auth.origin + auth.pathname).toBe(platform.authLoginUrl);
    expect(Object.fromEntries(auth.searchParams)).toMatchObject({
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: platform.clientId,
      redirect_uri: `${APP}/api/lti/launch`,
      login_hint: student.sub,
      lti_message_hint: params.get("lti_message_hint"),
    });
    expect(auth.searchParams.get("state")).toHaveLength(43);
    expect(auth.searchParams.get("nonce")).toHaveLength(43);
  });

  it("takes the login initiation as a form POST too (the specification allows both)", async () => {
    const params = platform.loginInitiation({ user: student, courseId: COURSE, linkId: "link-1" });
    const res = await loginPost(new Request(`${APP}/api/lti/login`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: platform.origin }, body: params }), undefined);
    expect(res.status).toBe(302);
  });

  it("makes a learner a student, never a teacher, and keeps one account per (issuer, sub)", async () => {
    const first = await launch(platform, new TestBrowser(), { user: student, courseId: COURSE, linkId: "link-1" });
    const second = await launch(platform, new TestBrowser(), { user: { ...student, name: "Ana L." }, courseId: COURSE, linkId: "link-1" });
    expect([first.status, second.status]).toEqual([303, 303]);
    const identities = await db.ltiUser.findMany({ where: { issuer: platform.issuer, sub: student.sub }, include: { user: { include: { memberships: true } } } });
    expect(identities).toHaveLength(1);
    expect(identities[0].user).toMatchObject({ name: "Ana L.", accountRole: "student" });
    expect(identities[0].user.memberships.map((m) => m.role)).toEqual(["student"]);
  });

  it("refreshes the platform's keys when a token names a key id it has not seen (the platform rotated)", async () => {
    await launch(platform, new TestBrowser(), { user: teacher, courseId: COURSE, linkId: "link-1" });
    const fetchesBefore = platform.jwksFetches;
    await platform.rotateKey();
    const result = await launch(platform, new TestBrowser(), { user: teacher, courseId: COURSE, linkId: "link-1" });
    expect(result.status).toBe(303);
    expect(platform.jwksFetches).toBe(fetchesBefore + 1);
  });
});

describe("launches the tool refuses, each with a sentence", () => {
  const refusals: { name: string; tamper: Parameters<typeof launch>[2]["tamper"]; sentence: RegExp }[] = [
    { name: "another tool's audience (aud)", tamper: { claims: (c) => void (c.aud = "some-other-tool") }, sentence: /addressed to another tool/ },
    { name: "an aud listing us among others, without azp", tamper: { claims: (c) => void ((c.aud = [platform.clientId, "x"]), delete c.azp) }, sentence: /several tools/ },
    { name: "another authorized party (azp)", tamper: { claims: (c) => void (c.azp = "some-other-tool") }, sentence: /authorized party/ },
    { name: "another issuer", tamper: { claims: (c) => void (c.iss = "https://lms.elsewhere.example") }, sentence: /names the issuer &#34;https:\/\/lms\.elsewhere\.example&#34;, not the registered/ },
    { name: "an expired token", tamper: { claims: (c) => void ((c.exp = Math.floor(Date.now() / 1000) - 120), (c.iat = Math.floor(Date.now() / 1000) - 420)) }, sentence: /The launch has expired/ },
    { name: "a token issued in the future", tamper: { claims: (c) => void (c.iat = Math.floor(Date.now() / 1000) + 600) }, sentence: /future/ },
    { name: "an unregistered deployment id", tamper: { claims: (c) => void (c["https://purl.imsglobal.org/spec/lti/claim/deployment_id"] = "deployment-unknown") }, sentence: /deployment/ },
    { name: "a token signed by another key under the platform's key id", tamper: { key: "stranger-same-kid" }, sentence: /not signed by this platform/ },
    { name: "a token signed with HS256", tamper: { key: "hs256" }, sentence: /only RS256/ },
    { name: "a launch with no roles", tamper: { claims: (c) => void (c["https://purl.imsglobal.org/spec/lti/claim/roles"] = []) }, sentence: /no role in this course/ },
    { name: "another nonce than the one issued", tamper: { claims: (c) => void (c.nonce = "not-ours") }, sentence: /nonce is not the one issued for this sign-in/ },
    { name: "no sub (an anonymous launch)", tamper: { claims: (c) => void delete c.sub }, sentence: /anonymous/ },
    { name: "another LTI version", tamper: { claims: (c) => void (c["https://purl.imsglobal.org/spec/lti/claim/version"] = "1.1") }, sentence: /not LTI 1\.3\.0/ },
    { name: "an unknown message type", tamper: { claims: (c) => void (c["https://purl.imsglobal.org/spec/lti/claim/message_type"] = "LtiSubmissionReviewRequest") }, sentence: /message type/ },
    { name: "no resource link", tamper: { claims: (c) => void delete c["https://purl.imsglobal.org/spec/lti/claim/resource_link"] }, sentence: /resource link/ },
    { name: "no course (context)", tamper: { claims: (c) => void delete c["https://purl.imsglobal.org/spec/lti/claim/context"] }, sentence: /not from a course/ },
  ];

  for (const { name, tamper, sentence } of refusals) {
    it(`refuses ${name}`, async () => {
      const sessionsBefore = await db.session.count();
      await expectRefused(await launch(platform, new TestBrowser(), { user: student, courseId: COURSE, linkId: "link-1", tamper }), sentence);
      expect(await db.session.count()).toBe(sessionsBefore);
    });
  }

  it("refuses a mentor: only instructors, teaching assistants and learners get a place", async () => {
    await expectRefused(await launch(platform, new TestBrowser(), { user: mentor, courseId: COURSE, linkId: "link-1" }), /your role here \(Mentor\)/);
    expect(await db.ltiUser.count({ where: { sub: mentor.sub } })).toBe(0);
  });

  it("refuses a key id the platform does not publish, after fetching its keys again", async () => {
    const before = platform.jwksFetches;
    await expectRefused(await launch(platform, new TestBrowser(), { user: student, courseId: COURSE, linkId: "link-1", tamper: { key: "unpublished" } }), /does not publish, even after fetching/);
    expect(platform.jwksFetches).toBe(before + 1);
  });

  it("refuses a replayed post of the same id_token and state, even with the state cookie", async () => {
    const browser = new TestBrowser();
    const first = await launch(platform, browser, { user: student, courseId: COURSE, linkId: "link-1" });
    expect(first.status).toBe(303);
    // An attacker who kept the state cookie's value posts the same form again.
    browser.cookies.set(`marginalia.lti-state-${first.form.state.slice(0, 16)}`, first.form.state);
    await expectRefused(await postLaunch(browser, `${APP}/api/lti/launch`, first.form), /already used once/);
  });

  it("refuses a launch whose state was started in another browser", async () => {
    const victim = new TestBrowser();
    await expectRefused(await launch(platform, new TestBrowser(), { user: student, courseId: COURSE, linkId: "link-1", postFrom: victim }), /did not start in this browser/);
    expect(victim.cookies.has("marginalia.lti-session")).toBe(false);
  });

  it("refuses a state cookie that holds another state", async () => {
    const browser = new TestBrowser();
    const mine = await launch(platform, browser, { user: student, courseId: COURSE, linkId: "link-1", postFrom: new TestBrowser() });
    expect(mine.status).toBe(401);
    const name = `marginalia.lti-state-${mine.form.state.slice(0, 16)}`;
    browser.cookies.set(name, `${mine.form.state.slice(0, 16)}${"x".repeat(27)}`);
    await expectRefused(await postLaunch(browser, `${APP}/api/lti/launch`, mine.form), /did not start in this browser/);
  });

  it("refuses an expired state: the login was more than ten minutes ago", async () => {
    const browser = new TestBrowser();
    const started = await launch(platform, browser, { user: student, courseId: COURSE, linkId: "link-1", postFrom: new TestBrowser() });
    await db.ltiLoginState.update({ where: { state: started.form.state }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectRefused(await postLaunch(browser, `${APP}/api/lti/launch`, started.form), /unknown or has expired/);
  });

  it("refuses a login from a platform nobody registered, before sending the browser anywhere", async () => {
    const params = new URLSearchParams({ iss: "https://lms.unknown.example", login_hint: "x", target_link_uri: `${APP}/api/lti/launch` });
    const res = await loginGet(new Request(`${APP}/api/lti/login?${params}`), undefined);
    expect(res.status).toBe(401);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toMatch(/not registered here/);
  });

  it("refuses a login whose target is another site (no open redirect)", async () => {
    const params = platform.loginInitiation({ user: student, courseId: COURSE, linkId: "link-1" });
    params.set("target_link_uri", "https://evil.example/steal");
    const res = await loginGet(new Request(`${APP}/api/lti/login?${params}`), undefined);
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/another site/);
  });

  it("answers a control character in any parameter as it answers a random value, before it reaches a query", async () => {
    const login = await loginGet(new Request(`${APP}/api/lti/login?iss=%00&login_hint=x&target_link_uri=${encodeURIComponent(`${APP}/api/lti/launch`)}`), undefined);
    expect(login.status).toBe(401);
    expect(await login.text()).toMatch(/not registered here/);
    const posted = await postLaunch(new TestBrowser(), `${APP}/api/lti/launch`, { id_token: "x", state: "abc\u0000" });
    expect(posted.status).toBe(401);
    expect(posted.text).toMatch(/did not start in this browser/);
  });

  it("shows a refusal as a page the platform may frame, with a strict policy", async () => {
    const result = await launch(platform, new TestBrowser(), { user: student, courseId: COURSE, linkId: "link-1", postFrom: new TestBrowser() });
    expect(result.status).toBe(401);
    const params = platform.loginInitiation({ user: student, courseId: COURSE, linkId: "link-1" });
    params.set("target_link_uri", "https://evil.example/");
    const res = await loginGet(new Request(`${APP}/api/lti/login?${params}`), undefined);
    const policy = res.headers.get("content-security-policy")!;
    // Every registered platform's origins (others may be registered in this database too), and nothing else.
    const ancestors = /frame-ancestors ([^;]+)/.exec(policy)![1].split(" ");
    expect(ancestors).toContain(platform.origin);
    expect(ancestors.every((a) => /^https?:\/\/[\w.-]+(?::\d+)?$/.test(a))).toBe(true);
    expect(policy).toContain("default-src 'none'");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  });
});
