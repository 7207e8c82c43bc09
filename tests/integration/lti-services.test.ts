import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PUT as putGrade } from "@/app/api/assignments/[id]/grades/[studentId]/route";
import { POST as releaseRoute } from "@/app/api/assignments/[id]/grades/release/route";
import { GET as gradeBookRoute } from "@/app/api/assignments/[id]/grades/route";
import { POST as rosterSyncRoute } from "@/app/api/classes/[id]/roster-sync/route";
import { POST as deepLinkingRoute } from "@/app/api/lti/deep-linking/route";
import { GET as jwksGet } from "@/app/api/lti/jwks/route";
import { GET as registerGet } from "@/app/api/lti/register/[token]/route";
import { db } from "@/lib/db";
import { SCOPE } from "@/lib/lti/vocabulary";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { createAssignment } from "@/lib/server/assignments/create-assignment";
import { findAssignmentAccess } from "@/lib/server/classes/find-assignment-access";
import { syncContent } from "@/lib/server/essays/sync-content";
import { createRegistrationLink } from "@/lib/server/lti/dynamic-registration";
import { registerPlatform } from "@/lib/server/lti/platforms";
import { syncRoster } from "@/lib/server/lti/roster-sync";
import { gradeNotesSettled, RETRY_DELAYS_MS, sendDueScores } from "@/lib/server/lti/score-sync";
import { forgetServiceToken } from "@/lib/server/lti/service-token";
import { publishedKeySet, rotateToolKey } from "@/lib/server/lti/tool-keys";
import { platformInputSchema } from "@/lib/validation/lti-platform";
import { APP, launch, serveHandlers, TestBrowser } from "../support/lti-browser";
import { PlatformEmulator, readAutoPostForm, ROLE } from "../support/lti-platform";
import { makeUser, select } from "../support/world";

/*
 * Deep Linking 2.0, NRPS 2.0, AGS 2.0 and Dynamic Registration against the
 * platform emulator: the real route handlers and data functions, the real
 * database, the platform over HTTP. Only next/headers' cookie jar is a
 * stand-in (it needs Next's request scope): it holds the cookies the launch set.
 */
const jar = vi.hoisted(() => ({ current: null as null | { cookieStore: () => unknown } }));
vi.mock("next/headers", () => ({ cookies: async () => jar.current?.cookieStore() ?? { get: () => undefined, has: () => false } }));

let platform: PlatformEmulator;
let toolServer: Awaited<ReturnType<typeof serveHandlers>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
const COURSE = "hist-12";
const teacher = { sub: "t-1", name: "Mr. Ibsen", email: "ibsen@lms.school" };
const students = [1, 2, 3].map((n) => ({ sub: `s-${n}`, name: `Student ${n}`, email: `s${n}@lms.school` }));
const teacherBrowser = new TestBrowser();
const studentBrowser = new TestBrowser();
let classroomId = "";
let assignmentId = "";
let essaySlug = "";
let revisionText = "";

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", origin: APP },
  body: new URLSearchParams(fields),
});
const json = (method: string, body?: unknown) => ({ method, headers: { "content-type": "application/json", origin: APP }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
/** Runs a route handler as the person `browser` is signed in as. */
async function as<T>(browser: TestBrowser, call: () => Promise<T>): Promise<T> {
  jar.current = browser;
  try {
    return await call();
  } finally {
    jar.current = null;
  }
}
const userOf = async (sub: string, issuer = platform.issuer) => (await db.ltiUser.findUniqueOrThrow({ where: { issuer_sub: { issuer, sub } } })).userId;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", APP);
  vi.stubEnv("LTI_JWKS_COOLDOWN_MS", "0");
  await syncContent({ db, dir: path.resolve(__dirname, "../../content") });
  const essay = await db.essay.findUniqueOrThrow({ where: { slug: "destalinization-origins" }, include: { revisions: { orderBy: { number: "desc" }, take: 1 } } });
  essaySlug = essay.slug;
  revisionText = essay.revisions[0].text;
  platform = await PlatformEmulator.start();
  toolServer = await serveHandlers({ "/api/lti/jwks": () => jwksGet() });
  platform.registerTool({ loginUrl: `${APP}/api/lti/login`, redirectUris: [`${APP}/api/lti/launch`], jwksUrl: `${toolServer.origin}/api/lti/jwks` });
  platform.addCourse(COURSE, "History 12 (LMS)");
  platform.enroll(COURSE, teacher, [ROLE.instructor]);
  for (const s of students) platform.enroll(COURSE, s, [ROLE.learner]);
  platform.enroll(COURSE, { sub: "m-1", name: "A Mentor" }, [ROLE.mentor]);
  admin = await makeUser("LTI Services Admin", "admin");
  await registerPlatform({ viewer: admin, input: platformInputSchema.parse(platform.registration) });
});

afterAll(async () => {
  await platform.close();
  await toolServer.close();
  vi.unstubAllEnvs();
});

describe("deep linking (Deep Linking 2.0)", () => {
  it("a teacher picks an assignment in the LMS's dialog; the platform gets a signed link that launches straight into it", async () => {
    const dialog = await launch(platform, teacherBrowser, { user: teacher, courseId: COURSE, kind: "deep-linking" });
    expect(dialog.status).toBe(303);
    const launchId = new URL(dialog.location!, APP).searchParams.get("launch")!;
    expect(dialog.location).toBe(`/lti/deep-link?launch=${launchId}`);

    const context = await db.ltiContext.findFirstOrThrow({ where: { issuer: platform.issuer, contextId: COURSE } });
    classroomId = context.classroomId;
    const essay = await db.essay.findUniqueOrThrow({ where: { slug: essaySlug } });
    const assignment = await createAssignment({
      viewerId: await userOf(teacher.sub),
      classroomId,
      input: { essayId: essay.id, dueAt: new Date(Date.now() + 7 * 86_400_000), minHighlights: 1, minComments: 1, minFlags: 0, peerFlagVisibility: "always", hintVisibility: "never", anonymousPeers: false },
    });
    assignmentId = assignment.id;

    const answer = await as(teacherBrowser, () => deepLinkingRoute(new Request(`${APP}/api/lti/deep-linking`, form({ launch: launchId, assignment: assignmentId })), undefined));
    expect(answer.status).toBe(200);
    const policy = answer.headers.get("content-security-policy")!;
    expect(policy).toContain(`form-action ${platform.origin}`);
    expect(policy).toContain(`frame-ancestors ${platform.origin}`);
    const post = readAutoPostForm(await answer.text());
    expect(post.action).toBe(`${platform.origin}/courses/${COURSE}/deep-link-return`);

    // The browser posts it on; the platform checks our signature against our published keys.
    const returned = await fetch(post.action, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(post.fields) });
    expect(await returned.text()).toContain("Added to the course: DeStalinization, The Origins.");
    const [response] = platform.deepLinkResponses;
    expect(response).toMatchObject({
      iss: platform.clientId,
      aud: platform.issuer,
      "https://purl.imsglobal.org/spec/lti/claim/deployment_id": platform.deploymentId,
      "https://purl.imsglobal.org/spec/lti-dl/claim/data": `opaque-${COURSE}`,
      "https://purl.imsglobal.org/spec/lti-dl/claim/content_items": [
        {
          type: "ltiResourceLink",
          url: `${APP}/api/lti/launch`,
          custom: { assignment_id: assignmentId },
          lineItem: { scoreMaximum: 100, resourceId: assignmentId },
        },
      ],
    });
    const [link] = platform.links(COURSE);
    expect(link.lineItemId).toBeDefined();

    // The same choice cannot be sent twice.
    const again = await as(teacherBrowser, () => deepLinkingRoute(new Request(`${APP}/api/lti/deep-linking`, form({ launch: launchId, assignment: assignmentId })), undefined));
    expect(again.status).toBe(404);

    // A student's launch of the new link opens the reader on that assignment.
    const opened = await launch(platform, studentBrowser, { user: students[0], courseId: COURSE, linkId: link.id });
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(`/essays/${essaySlug}?assignment=${assignmentId}`);
    const bound = await db.ltiResourceLink.findFirstOrThrow({ where: { resourceLinkId: link.id } });
    expect(bound).toMatchObject({ assignmentId, lineItemUrl: link.lineItemId });
  });

  it("a learner's deep-linking launch grants nothing: the picker answers 404 to their choice", async () => {
    const browser = new TestBrowser();
    const dialog = await launch(platform, browser, { user: students[1], courseId: COURSE, kind: "deep-linking" });
    const launchId = new URL(dialog.location!, APP).searchParams.get("launch")!;
    const answer = await as(browser, () => deepLinkingRoute(new Request(`${APP}/api/lti/deep-linking`, form({ launch: launchId, assignment: assignmentId })), undefined));
    expect(answer.status).toBe(404);
    expect(platform.deepLinkResponses).toHaveLength(1);
    const membership = await db.membership.findFirstOrThrow({ where: { classroomId, userId: await userOf(students[1].sub) } });
    expect(membership.role).toBe("student");
  });

  it("refuses a choice posted from another site (the picker's form is same-origin only)", async () => {
    const dialog = await launch(platform, teacherBrowser, { user: teacher, courseId: COURSE, kind: "deep-linking" });
    const launchId = new URL(dialog.location!, APP).searchParams.get("launch")!;
    const forged = form({ launch: launchId, assignment: assignmentId });
    const answer = await as(teacherBrowser, () => deepLinkingRoute(new Request(`${APP}/api/lti/deep-linking`, { ...forged, headers: { ...forged.headers, origin: platform.origin } }), undefined));
    expect(answer.status).toBe(403);
  });
});

describe("roster sync (NRPS 2.0)", () => {
  it("brings every active instructor and learner into the class, page by page, and no mentor", async () => {
    const context = await db.ltiContext.findUniqueOrThrow({ where: { classroomId } });
    const result = await syncRoster({ ltiContextId: context.id });
    expect(result.members).toBe(4);
    const members = await db.membership.findMany({ where: { classroomId }, include: { user: { include: { ltiIdentities: true } } } });
    expect(members.map((m) => [m.user.ltiIdentities[0]?.sub, m.role]).sort()).toEqual([
      ["s-1", "student"],
      ["s-2", "student"],
      ["s-3", "student"],
      ["t-1", "teacher"],
    ]);
    // Five members at two a page: three pages, each fetched with our token.
    expect(platform.grants.some((g) => g.scopes.includes(SCOPE.nrps))).toBe(true);
  });

  it("syncs on demand for a teacher of the class, and answers 404 to a student", async () => {
    const asTeacher = await as(teacherBrowser, () => rosterSyncRoute(new Request(`${APP}/api/classes/${classroomId}/roster-sync`, json("POST")), params({ id: classroomId })));
    expect(asTeacher.status).toBe(200);
    expect(await asTeacher.json()).toMatchObject({ members: 4, added: 0, removed: 0 });
    const asStudent = await as(studentBrowser, () => rosterSyncRoute(new Request(`${APP}/api/classes/${classroomId}/roster-sync`, json("POST")), params({ id: classroomId })));
    expect(asStudent.status).toBe(404);
  });
});

describe("grades (AGS 2.0)", () => {
  it("posts a student's completion score when they meet the minimums, retrying while the gradebook is down", async () => {
    const ana = await userOf(students[0].sub);
    const words = revisionText.slice(200, 240).trim();
    await createAnnotation({ viewerId: ana, assignmentId, input: { id: randomUUID(), kind: "highlight", scope: "class", tags: [], ...select(revisionText, words) } });
    await createAnnotation({
      viewerId: ana,
      assignmentId,
      input: { id: randomUUID(), kind: "comment", scope: "class", tags: [], body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Why?" }] }] }, ...select(revisionText, words) },
    });
    // The creates queued the student's grade without waiting for it.
    await gradeNotesSettled();
    expect(await db.ltiScoreSync.count({ where: { userId: ana } })).toBe(1);

    platform.failScores = 2;
    const now = Date.now();
    expect(await sendDueScores({ now: new Date(now) })).toMatchObject({ retrying: 1, sent: 0 });
    const pending = await db.ltiScoreSync.findFirstOrThrow({ where: { userId: ana } });
    expect(pending).toMatchObject({ state: "pending", attempts: 1 });
    expect(pending.nextAttemptAt.getTime()).toBe(now + RETRY_DELAYS_MS[0]);
    expect(pending.lastError).toMatch(/gradebook did not answer as expected \(status 503\)/);
    // Not due yet: nothing is sent.
    expect(await sendDueScores({ now: new Date(now + 1_000) })).toMatchObject({ retrying: 0, sent: 0 });
    expect(await sendDueScores({ now: new Date(now + RETRY_DELAYS_MS[0]) })).toMatchObject({ retrying: 1 });
    expect(await sendDueScores({ now: new Date(now + RETRY_DELAYS_MS[0] + RETRY_DELAYS_MS[1]) })).toMatchObject({ sent: 1 });

    const [link] = platform.links(COURSE);
    expect(platform.scores).toHaveLength(1);
    expect(platform.scores[0]).toMatchObject({
      lineItemId: link.lineItemId,
      contentType: "application/vnd.ims.lis.v1.score+json",
      body: { userId: students[0].sub, scoreGiven: 100, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded" },
    });
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { userId: ana } })).toMatchObject({ state: "sent", lastSentScore: 100, lastError: null });
  });

  it("sends nothing for unfinished work until the teacher releases grades, then everyone's grade, a teacher's grade first", async () => {
    const ben = await userOf(students[1].sub);
    const chloe = await userOf(students[2].sub);
    await createAnnotation({ viewerId: ben, assignmentId, input: { id: randomUUID(), kind: "highlight", scope: "class", tags: [], ...select(revisionText, revisionText.slice(300, 330).trim()) } });
    await gradeNotesSettled();
    expect(await db.ltiScoreSync.count({ where: { userId: ben } })).toBe(1);
    expect(await sendDueScores()).toMatchObject({ sent: 0, unchanged: 1 });
    expect(platform.scores).toHaveLength(1);

    const set = await as(teacherBrowser, () => putGrade(new Request(`${APP}/api/assignments/${assignmentId}/grades/${chloe}`, json("PUT", { score: 85 })), params({ id: assignmentId, studentId: chloe })));
    expect(set.status).toBe(200);
    const byStudent = await as(studentBrowser, () => putGrade(new Request(`${APP}/api/assignments/${assignmentId}/grades/${chloe}`, json("PUT", { score: 100 })), params({ id: assignmentId, studentId: chloe })));
    expect(byStudent.status).toBe(404);

    const released = await as(teacherBrowser, () => releaseRoute(new Request(`${APP}/api/assignments/${assignmentId}/grades/release`, json("POST")), params({ id: assignmentId })));
    expect(released.status).toBe(200);
    expect(await released.json()).toMatchObject({ queued: 3 });
    expect(await sendDueScores()).toMatchObject({ sent: 2, unchanged: 1 });
    const given = Object.fromEntries(platform.scores.map((s) => [s.body.userId, s.body.scoreGiven]));
    expect(given).toEqual({ "s-1": 100, "s-2": 50, "s-3": 85 });

    const book = await as(teacherBrowser, () => gradeBookRoute(new Request(`${APP}/api/assignments/${assignmentId}/grades`), params({ id: assignmentId })));
    const body = (await book.json()) as { isLinked: boolean; rows: { student: { id: string }; grade: number; sync: { state: string } | null }[] };
    expect(body.isLinked).toBe(true);
    expect(body.rows.map((r) => [r.grade, r.sync?.state])).toEqual([
      [100, "sent"],
      [50, "sent"],
      [85, "sent"],
    ]);
  });

  it("marks a grade failed after the last retry, and releasing again sends it", async () => {
    const ben = await userOf(students[1].sub);
    await db.ltiScoreSync.updateMany({ where: { userId: ben }, data: { state: "pending", attempts: RETRY_DELAYS_MS.length, nextAttemptAt: new Date(), lastSentScore: null } });
    platform.failScores = 1;
    expect(await sendDueScores()).toMatchObject({ failed: 1 });
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { userId: ben } })).toMatchObject({ state: "failed" });
    await as(teacherBrowser, () => releaseRoute(new Request(`${APP}/api/assignments/${assignmentId}/grades/release`, json("POST")), params({ id: assignmentId })));
    expect(await sendDueScores()).toMatchObject({ sent: 1, failed: 0 });
    expect(await db.ltiScoreSync.findFirstOrThrow({ where: { userId: ben } })).toMatchObject({ state: "sent", lastSentScore: 50 });
  });
});

describe("people removed on the platform", () => {
  it("lose their place, and with it their access, at the next sync; someone who joined here with the code stays", async () => {
    const ben = await userOf(students[1].sub);
    const chloe = await userOf(students[2].sub);
    const local = await makeUser("Local Joiner");
    await db.membership.create({ data: { userId: local.id, classroomId, role: "student" } });
    expect(await findAssignmentAccess({ viewerId: ben, assignmentId })).not.toBeNull();

    platform.unenroll(COURSE, students[1].sub);
    platform.setStatus(COURSE, students[2].sub, "Inactive");
    const context = await db.ltiContext.findUniqueOrThrow({ where: { classroomId } });
    expect(await syncRoster({ ltiContextId: context.id })).toMatchObject({ members: 2, removed: 2 });

    expect(await findAssignmentAccess({ viewerId: ben, assignmentId })).toBeNull();
    expect(await findAssignmentAccess({ viewerId: chloe, assignmentId })).toBeNull();
    expect(await findAssignmentAccess({ viewerId: local.id, assignmentId })).not.toBeNull();
    // Their work stays with the assignment's history.
    expect(await db.annotation.count({ where: { authorId: ben, assignmentId } })).toBe(1);
  });
});

describe("our keys", () => {
  it("rotate: the new key signs from then on, the old one stays published, the platform accepts both", async () => {
    const before = (await publishedKeySet()).keys.map((k) => k.kid);
    const teacherAccount = await makeUser("Plain Teacher", "teacher");
    await expect(rotateToolKey({ viewer: teacherAccount })).rejects.toMatchObject({ code: "forbidden" });
    const { kid } = await rotateToolKey({ viewer: admin });
    const after = (await publishedKeySet()).keys.map((k) => k.kid);
    expect(after).toEqual([kid, ...before]);

    const context = await db.ltiContext.findUniqueOrThrow({ where: { classroomId }, include: { platform: true } });
    forgetServiceToken(context.platformId, [SCOPE.nrps]);
    await syncRoster({ ltiContextId: context.id });
    expect(platform.grants.at(-1)).toMatchObject({ scopes: [SCOPE.nrps], assertionKid: kid });
    expect(platform.refusedTokenRequests).toEqual([]);
  });
});

describe("LTI Dynamic Registration", () => {
  it("registers a platform from an administrator's one-time link, and the registration launches", async () => {
    const other = await PlatformEmulator.start();
    try {
      other.registerTool({ loginUrl: `${APP}/api/lti/login`, redirectUris: [`${APP}/api/lti/launch`], jwksUrl: `${toolServer.origin}/api/lti/jwks` });
      const { url } = await createRegistrationLink({ viewer: admin, appOrigin: APP });
      const token = url.split("/").at(-1)!;
      const opened = new URL(other.dynamicRegistrationUrl(url));
      const res = await registerGet(new Request(opened), params({ token }));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("org.imsglobal.lti.close");
      expect(res.headers.get("content-security-policy")).toContain(`frame-ancestors ${other.origin}`);

      expect(other.registrations[0]).toMatchObject({
        initiate_login_uri: `${APP}/api/lti/login`,
        redirect_uris: [`${APP}/api/lti/launch`],
        jwks_uri: `${APP}/api/lti/jwks`,
        token_endpoint_auth_method: "private_key_jwt",
        response_types: ["id_token"],
      });
      expect(String(other.registrations[0].scope).split(" ")).toEqual(expect.arrayContaining([SCOPE.nrps, SCOPE.agsScore, SCOPE.agsLineItem]));
      const stored = await db.ltiPlatform.findFirstOrThrow({ where: { issuer: other.issuer } });
      expect(stored).toMatchObject({ clientId: other.clientId, deploymentIds: [other.deploymentId], jwksUrl: other.jwksUrl, authTokenUrl: other.tokenUrl, registeredVia: "dynamic" });

      // The link is used up.
      const again = await registerGet(new Request(opened), params({ token }));
      expect(again.status).toBe(404);

      other.addCourse("c-dyn", "Registered dynamically");
      other.enroll("c-dyn", teacher, [ROLE.instructor]);
      other.addLink("c-dyn", { id: "l", title: "A link", custom: {} });
      expect((await launch(other, new TestBrowser(), { user: teacher, courseId: "c-dyn", linkId: "l" })).status).toBe(303);
      // Same sub, another issuer: another person.
      expect(await userOf(teacher.sub, other.issuer)).not.toBe(await userOf(teacher.sub));
    } finally {
      await other.close();
    }
  });

  it("refuses a configuration whose issuer is on another host than the configuration", async () => {
    const { url } = await createRegistrationLink({ viewer: admin, appOrigin: APP });
    const token = url.split("/").at(-1)!;
    const bad = new URL(url);
    bad.searchParams.set("openid_configuration", `${toolServer.origin}/api/lti/jwks`);
    const res = await registerGet(new Request(bad), params({ token }));
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/names no https issuer|not on the host/);
  });
});
