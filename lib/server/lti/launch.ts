import "server-only";
import { timingSafeEqual } from "node:crypto";
import { encode } from "next-auth/jwt";
import { db, type Tx } from "@/lib/db";
import type { LtiPlatform, Prisma } from "@/lib/generated/prisma/client";
import { verifyLaunchToken } from "@/lib/lti/id-token";
import { launchRefused } from "@/lib/lti/launch-error";
import type { LaunchMessage } from "@/lib/lti/launch-claims";
import { MESSAGE_TYPE } from "@/lib/lti/vocabulary";
import { readerHref } from "@/lib/review/reader-href";
import { FRAME_GRANT_COOKIE, signFrameGrant } from "@/lib/security/frame-grant";
import { framedCookie, LTI_SESSION_COOKIE } from "@/lib/server/auth/session-cookie";
import { openSession } from "@/lib/server/auth/session-store";
import { newJoinCode } from "@/lib/server/classes/join-code";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { cleanDisplayName } from "@/lib/validation/display-name";
import { ensureLtiUser, setCourseMembership } from "./course-people";
import { LAUNCH_PATH, stateCookieName } from "./login";
import { platformKeys } from "./platform-keys";
import { frameOriginsOf } from "./platforms";
import { syncRosterIfDue } from "./roster-sync";

/** How long a session opened by a launch lasts: a school day. The platform launches again next time. */
export const LTI_SESSION_MAX_AGE_S = 8 * 60 * 60;

/** How long the page a launch opens (the deep-linking picker) may use it. */
const LAUNCH_ROW_MAX_AGE_MS = 60 * 60 * 1000;

/** The page for launches that need a choice: deep linking, or a course link with no assignment yet. */
export const PICKER_PATH = "/lti/deep-link";

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Step two of a launch (Security Framework §5.1.1.3–5.1.3): the platform
 * posts the id_token and our state back through the browser. Refused, each
 * with a sentence: a state that is not this browser's (its cookie, set at
 * login, must hold exactly this state), unknown or expired; a token that
 * fails any check of verifyLaunchToken; and a state already used, so a
 * replayed post (the same nonce) opens nothing. The state is consumed in one
 * conditional update, so of two racing posts only one gets through.
 *
 * Then the person, their class and the link are set up (provisionLaunch), a
 * session is opened with a cookie that works inside the platform's frame, and
 * the browser is sent to the assignment (or to the picker).
 */
export async function completeLaunch({ form, cookieHeader, now = new Date() }: { form: URLSearchParams; cookieHeader: string | null; now?: Date }) {
  const error = form.get("error");
  if (error) {
    const description = form.get("error_description")?.slice(0, 300);
    throw launchRefused("login_request", `The platform did not sign you in (${error.slice(0, 100)}${description ? `: ${description}` : ""}).`);
  }
  const state = form.get("state") ?? "";
  const idToken = form.get("id_token") ?? "";
  if (!state || !idToken || state.length > 200) throw launchRefused("login_request", "The launch carries no id_token or state.");
  const bound = cookieValue(cookieHeader, stateCookieName(state));
  if (!bound || !sameText(bound, state)) {
    throw launchRefused("state", "This launch did not start in this browser (its state is not the one we gave it), so it was refused. Open the link in your course again.");
  }
  const login = await db.ltiLoginState.findUnique({ where: { state }, include: { platform: true } });
  if (!login || login.expiresAt <= now) {
    throw launchRefused("state", "This launch's sign-in is unknown or has expired. Open the link in your course again.");
  }
  if (login.usedAt) throw launchRefused("nonce", "This launch was already used once; a launch cannot be replayed. Open the link in your course again.");

  const message = await verifyLaunchToken({
    token: idToken,
    platform: login.platform,
    getKey: platformKeys(login.platform.jwksUrl),
    nonce: login.nonce,
    now: now.getTime(),
  });

  const consumed = await db.ltiLoginState.updateMany({ where: { state, usedAt: null }, data: { usedAt: now } });
  if (consumed.count === 0) throw launchRefused("nonce", "This launch was already used once; a launch cannot be replayed. Open the link in your course again.");

  const placed = await provisionLaunch({ platform: login.platform, message, now });
  const sid = await openSession(placed.userId, LTI_SESSION_MAX_AGE_S);
  const secret = process.env.NEXTAUTH_SECRET!;
  const session = await encode({ token: { sub: placed.userId, sid }, secret, maxAge: LTI_SESSION_MAX_AGE_S });
  const grant = signFrameGrant(frameOriginsOf(login.platform), now.getTime() + LTI_SESSION_MAX_AGE_S * 1000, secret);

  // Off the launch's path: the person should not wait for the platform's roster service.
  void syncRosterIfDue({ ltiContextId: placed.ltiContextId }).catch((e) => console.error("[lti] roster sync after launch failed:", (e as Error).message));

  return {
    location: placed.location,
    userId: placed.userId,
    launchId: placed.launchId,
    setCookies: [
      framedCookie(LTI_SESSION_COOKIE, session, { maxAgeS: LTI_SESSION_MAX_AGE_S }),
      framedCookie(FRAME_GRANT_COOKIE, grant, { maxAgeS: LTI_SESSION_MAX_AGE_S }),
      // The state did its work: the browser may forget it.
      framedCookie(stateCookieName(state), "", { path: LAUNCH_PATH, maxAgeS: 0 }),
    ],
  };
}

/**
 * What a verified launch makes here, in one transaction: the account for
 * (iss, sub) with the course role (course-people.ts), the class for the
 * course (LtiContext; its first launch makes it, named after the course),
 * the person's membership, the link and what it opens, and a launch row for
 * the page that follows. Two first launches of one course at once both end
 * up in one class: the loser of the unique key retries and finds it.
 */
async function provisionLaunch({ platform, message, now }: { platform: LtiPlatform; message: LaunchMessage; now: Date }) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => provisionOnce(tx, platform, message, now));
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function provisionOnce(tx: Tx, platform: LtiPlatform, message: LaunchMessage, now: Date) {
  const userId = await ensureLtiUser(tx, { issuer: message.issuer, sub: message.sub, name: message.name, email: message.email, role: message.role });
  const context = await ensureCourse(tx, platform, message);
  await setCourseMembership(tx, { userId, classroomId: context.classroomId, role: message.role });

  let link: { id: string; assignmentId: string | null } | null = null;
  if (message.resourceLink) {
    link = await tx.ltiResourceLink.upsert({
      where: { ltiContextId_resourceLinkId: { ltiContextId: context.id, resourceLinkId: message.resourceLink.id } },
      create: { ltiContextId: context.id, resourceLinkId: message.resourceLink.id, title: message.resourceLink.title, lineItemUrl: message.ags?.lineItemUrl ?? null },
      update: { title: message.resourceLink.title, ...(message.ags?.lineItemUrl ? { lineItemUrl: message.ags.lineItemUrl } : {}) },
      select: { id: true, assignmentId: true },
    });
    // A link made by our deep linking names its assignment; it opens only one of this course's class.
    const named = message.custom.assignment_id;
    if (!link.assignmentId && named) {
      const own = await tx.assignment.findFirst({ where: { id: named, classroomId: context.classroomId }, select: { id: true } });
      if (own) link = await tx.ltiResourceLink.update({ where: { id: link.id }, data: { assignmentId: own.id }, select: { id: true, assignmentId: true } });
    }
  }

  const launch = await tx.ltiLaunch.create({
    data: {
      userId,
      platformId: platform.id,
      deploymentId: message.deploymentId,
      ltiContextId: context.id,
      resourceLinkId: link?.id ?? null,
      messageType: message.messageType,
      deepLinking: message.deepLinking ? (message.deepLinking as unknown as Prisma.InputJsonValue) : undefined,
      expiresAt: new Date(now.getTime() + LAUNCH_ROW_MAX_AGE_MS),
    },
    select: { id: true },
  });
  await tx.ltiLaunch.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - LAUNCH_ROW_MAX_AGE_MS) } } });

  let location = `${PICKER_PATH}?launch=${launch.id}`;
  if (message.messageType === MESSAGE_TYPE.resourceLink && link?.assignmentId) {
    const assignment = await tx.assignment.findUniqueOrThrow({ where: { id: link.assignmentId }, select: { id: true, essay: { select: { slug: true } } } });
    location = readerHref({ id: assignment.id, essaySlug: assignment.essay.slug });
  }
  return { userId, ltiContextId: context.id, classroomId: context.classroomId, launchId: launch.id, location };
}

/** The class for the launch's course, made on its first launch; the services' addresses follow the latest launch. */
async function ensureCourse(tx: Tx, platform: LtiPlatform, message: LaunchMessage) {
  const key = { issuer: message.issuer, deploymentId: message.deploymentId, contextId: message.context.id };
  const services = {
    platformId: platform.id,
    ...(message.membershipsUrl ? { membershipsUrl: message.membershipsUrl } : {}),
    ...(message.ags ? { lineItemsUrl: message.ags.lineItemsUrl, agsScopes: message.ags.scopes } : {}),
  };
  const found = await tx.ltiContext.findUnique({ where: { issuer_deploymentId_contextId: key }, select: { id: true, classroomId: true } });
  if (found) {
    await tx.ltiContext.update({ where: { id: found.id }, data: services });
    return found;
  }
  const title = cleanDisplayName(message.context.title ?? message.context.label ?? "").slice(0, 80);
  const classroom = await tx.classroom.create({ data: { name: title.length >= 2 ? title : "Course from the learning platform", joinCode: newJoinCode() }, select: { id: true } });
  return tx.ltiContext.create({ data: { ...key, ...services, classroomId: classroom.id }, select: { id: true, classroomId: true } });
}
