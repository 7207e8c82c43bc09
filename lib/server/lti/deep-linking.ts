import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { SCORE_MAXIMUM } from "@/lib/lti/ags";
import { deepLinkingResponseClaims } from "@/lib/lti/deep-linking";
import type { DeepLinkingSettings } from "@/lib/lti/launch-claims";
import { MESSAGE_TYPE } from "@/lib/lti/vocabulary";
import { readerHref } from "@/lib/review/reader-href";
import { taughtBy } from "@/lib/server/assignments/find-review-assignment";
import { LAUNCH_PATH } from "./login";
import { frameOriginsOf } from "./platforms";
import { signToolJwt } from "./tool-keys";

/**
 * What the picker page does for a launch: answer a deep-linking request with
 * an assignment ("deep-link"), choose what an existing course link opens
 * ("link", a teacher's first launch of a link not made by our deep linking),
 * or tell a student the link is not ready ("waiting").
 */
export type PickerMode = "deep-link" | "link" | "waiting";

/**
 * The viewer's own launch, unused and recent, with its course's class and
 * role there. Anyone else's launch, or an old one, is the 404 of a missing one.
 */
async function ownLaunch(viewerId: string, launchId: string, now = new Date()) {
  const launch = await db.ltiLaunch.findFirst({
    where: { id: launchId, userId: viewerId, usedAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      messageType: true,
      deploymentId: true,
      deepLinking: true,
      resourceLinkId: true,
      platform: { select: { issuer: true, clientId: true, authLoginUrl: true, frameOrigins: true } },
      context: { select: { classroomId: true, classroom: { select: { name: true, memberships: { where: { userId: viewerId }, select: { role: true } } } } } },
    },
  });
  if (!launch || !launch.context) throw notFound("That launch");
  return { ...launch, context: launch.context, role: launch.context.classroom.memberships[0]?.role ?? null };
}

/** The picker's data: its mode, the class, and the class's assignments for a teacher to choose from. */
export async function findPickerLaunch({ viewerId, launchId }: { viewerId: string; launchId: string }) {
  const launch = await ownLaunch(viewerId, launchId);
  const isTeacher = launch.role === "teacher";
  const mode: PickerMode = !isTeacher ? "waiting" : launch.messageType === MESSAGE_TYPE.deepLinkingRequest ? "deep-link" : "link";
  const assignments = isTeacher
    ? await db.assignment.findMany({
        where: { classroomId: launch.context.classroomId, archivedAt: null, ...taughtBy(viewerId) },
        select: { id: true, dueAt: true, essay: { select: { title: true } } },
        orderBy: { createdAt: "desc" },
      })
    : [];
  return {
    launchId: launch.id,
    mode,
    classroomId: launch.context.classroomId,
    className: launch.context.classroom.name,
    assignments: assignments.map((a) => ({ id: a.id, title: a.essay.title, dueAt: a.dueAt.toISOString() })),
  };
}

/** An assignment of the launch's class that the viewer teaches, or 404. */
async function chosenAssignment(viewerId: string, classroomId: string, assignmentId: string) {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, classroomId, ...taughtBy(viewerId) },
    select: { id: true, essay: { select: { title: true, slug: true } } },
  });
  if (!assignment) throw notFound("That assignment");
  return assignment;
}

/**
 * A teacher's first launch of a course link that names no assignment: they
 * choose one of the class's, and the link opens it from now on, for everyone.
 */
export async function bindResourceLink({ viewerId, launchId, assignmentId }: { viewerId: string; launchId: string; assignmentId: string }) {
  const launch = await ownLaunch(viewerId, launchId);
  if (launch.role !== "teacher" || launch.messageType !== MESSAGE_TYPE.resourceLink || !launch.resourceLinkId) throw notFound("That launch");
  const assignment = await chosenAssignment(viewerId, launch.context.classroomId, assignmentId);
  await db.$transaction([
    db.ltiResourceLink.update({ where: { id: launch.resourceLinkId }, data: { assignmentId: assignment.id } }),
    db.ltiLaunch.update({ where: { id: launch.id }, data: { usedAt: new Date() } }),
  ]);
  return { href: readerHref({ id: assignment.id, essaySlug: assignment.essay.slug }) };
}

/**
 * The answer to a deep-linking request (Deep Linking 2.0 §4.5): one LTI
 * resource link that launches straight into the chosen assignment (its id
 * in a custom parameter, checked against the course on every launch), with
 * a gradebook column out of 100 when the platform accepts one, signed with
 * our key, for the browser to post back to the platform's return address.
 * The launch is used up, so the same request cannot be answered twice.
 */
export async function createDeepLinkingResponse({
  viewerId,
  launchId,
  assignmentId,
  appOrigin,
}: {
  viewerId: string;
  launchId: string;
  assignmentId: string;
  appOrigin: string;
}) {
  const launch = await ownLaunch(viewerId, launchId);
  if (launch.role !== "teacher" || launch.messageType !== MESSAGE_TYPE.deepLinkingRequest || !launch.deepLinking) throw notFound("That launch");
  const settings = launch.deepLinking as unknown as DeepLinkingSettings;
  const assignment = await chosenAssignment(viewerId, launch.context.classroomId, assignmentId);
  const used = await db.ltiLaunch.updateMany({ where: { id: launch.id, usedAt: null }, data: { usedAt: new Date() } });
  if (used.count === 0) throw new AppError("conflict", "This choice was already sent to the learning platform. Open the tool from the course again to add another.");
  const title = assignment.essay.title.slice(0, 255);
  const jwt = await signToolJwt(
    deepLinkingResponseClaims({
      clientId: launch.platform.clientId,
      platformIssuer: launch.platform.issuer,
      deploymentId: launch.deploymentId,
      data: settings.data,
      nonce: randomBytes(16).toString("base64url"),
      items: [
        {
          title,
          url: `${appOrigin}${LAUNCH_PATH}`,
          custom: { assignment_id: assignment.id },
          ...(settings.acceptLineItem ? { lineItem: { label: title, scoreMaximum: SCORE_MAXIMUM, resourceId: assignment.id, tag: "marginalia" } } : {}),
        },
      ],
      message: `Added “${title}” from Marginalia.`,
    }),
  );
  return { returnUrl: settings.returnUrl, jwt, frameOrigins: frameOriginsOf(launch.platform) };
}
