import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma, type AccountRole, type LtiRegistrationKind } from "@/lib/generated/prisma/client";
import { launchRefused } from "@/lib/lti/launch-error";
import { toFrameOrigin } from "@/lib/security/frame-origin";
import { requireAdmin } from "@/lib/server/users/account-role";
import type { PlatformInput } from "@/lib/validation/lti-platform";

type AdminViewer = { id: string; accountRole: AccountRole };

const PUBLIC_FIELDS = {
  id: true,
  name: true,
  issuer: true,
  clientId: true,
  deploymentIds: true,
  authLoginUrl: true,
  authTokenUrl: true,
  authServer: true,
  jwksUrl: true,
  frameOrigins: true,
  registeredVia: true,
  createdAt: true,
} as const;

/**
 * The origins that may frame us after a launch from this platform: the ones
 * the administrator listed, plus the issuer's and the login endpoint's, which
 * for Moodle (and most self-hosted platforms) are where its pages are. Canvas
 * serves courses on the school's own host, which must be listed.
 */
export function frameOriginsOf(platform: { issuer: string; authLoginUrl: string; frameOrigins: string[] }): string[] {
  const all = [...platform.frameOrigins, platform.issuer, platform.authLoginUrl].map(toFrameOrigin);
  return [...new Set(all.filter((o): o is string => o !== null))];
}

function conflictOnDuplicate(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("conflict", "A platform with that issuer and client id is already registered. Edit that one instead.");
  }
  throw error;
}

/** An administrator registers a platform (403 for anyone else). */
export async function registerPlatform({
  viewer,
  input,
  registeredVia = "manual",
}: {
  viewer: AdminViewer;
  input: PlatformInput;
  registeredVia?: LtiRegistrationKind;
}) {
  requireAdmin(viewer);
  const frameOrigins = input.frameOrigins.map((o) => toFrameOrigin(o)!);
  return db.ltiPlatform
    .create({ data: { ...input, frameOrigins, registeredVia, createdById: viewer.id }, select: PUBLIC_FIELDS })
    .catch(conflictOnDuplicate);
}

/** An administrator changes a registration (its deployments, endpoints, frame origins). */
export async function updatePlatform({ viewer, id, input }: { viewer: AdminViewer; id: string; input: PlatformInput }) {
  requireAdmin(viewer);
  const frameOrigins = input.frameOrigins.map((o) => toFrameOrigin(o)!);
  const updated = await db.ltiPlatform.updateMany({ where: { id }, data: { ...input, frameOrigins } }).catch(conflictOnDuplicate);
  if (updated.count === 0) throw notFound("That platform");
  return db.ltiPlatform.findUniqueOrThrow({ where: { id }, select: PUBLIC_FIELDS });
}

/**
 * An administrator removes a registration. Its launches stop at once; the
 * classes made from its courses stay, with their people and work, and no
 * longer sync (their course links are removed with it).
 */
export async function deletePlatform({ viewer, id }: { viewer: AdminViewer; id: string }) {
  requireAdmin(viewer);
  const deleted = await db.ltiPlatform.deleteMany({ where: { id } });
  if (deleted.count === 0) throw notFound("That platform");
}

/** Every registration, for the administrator's page. */
export async function listPlatforms({ viewer }: { viewer: AdminViewer }) {
  requireAdmin(viewer);
  return db.ltiPlatform.findMany({ orderBy: { createdAt: "asc" }, select: PUBLIC_FIELDS });
}

/**
 * The registration a login initiation is for: its issuer and, when the
 * platform says them, its client id and deployment. An issuer registered more
 * than once (two Canvas developer keys) needs the client id or a deployment
 * id to tell them apart; a deployment the registration does not list is
 * refused here already, before the browser is sent anywhere.
 */
export async function findPlatformForLogin({ issuer, clientId, deploymentId }: { issuer: string; clientId: string | null; deploymentId: string | null }) {
  const candidates = await db.ltiPlatform.findMany({ where: { issuer, ...(clientId ? { clientId } : {}) } });
  const matching = deploymentId ? candidates.filter((p) => p.deploymentIds.includes(deploymentId)) : candidates;
  if (candidates.length === 0) {
    throw launchRefused("iss", "This learning platform is not registered here. Ask your administrator to register it (README, “Learning platforms”).");
  }
  if (matching.length === 0) {
    throw launchRefused("deployment_id", "The launch comes from a deployment of this tool that is not registered here. Ask your administrator to add its deployment id.");
  }
  if (matching.length > 1) {
    throw launchRefused("login_request", "This platform is registered more than once and its login request does not say which registration (client_id) it is for.");
  }
  return matching[0];
}

/**
 * Every registered platform's frame origins: the error pages of launches we
 * could not tie to a platform are framed by whichever platform sent them.
 */
export async function registeredFrameOrigins(): Promise<string[]> {
  const platforms = await db.ltiPlatform.findMany({ select: { issuer: true, authLoginUrl: true, frameOrigins: true }, take: 100 });
  return [...new Set(platforms.flatMap(frameOriginsOf))];
}
