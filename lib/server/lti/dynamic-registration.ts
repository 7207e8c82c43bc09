import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AccountRole } from "@/lib/generated/prisma/client";
import { parsePlatformConfiguration, parseRegistrationResponse, toolRegistrationRequest } from "@/lib/lti/dynamic-registration";
import { endpointProblem, parseEndpointUrl } from "@/lib/lti/urls";
import { toFrameOrigin } from "@/lib/security/frame-origin";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { requireAdmin } from "@/lib/server/users/account-role";
import { LAUNCH_PATH } from "./login";
import { frameOriginsOf } from "./platforms";
import { PLATFORM_TIMEOUT_MS } from "./service-token";

/** How long a registration link works: enough to paste it into the LMS and click through. */
export const REGISTRATION_LINK_MAX_AGE_MS = 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Our endpoints, as every registration (by hand or dynamic) names them (README "Learning platforms"). */
export function toolAddresses(appOrigin: string) {
  return {
    loginUrl: `${appOrigin}/api/lti/login`,
    launchUrl: `${appOrigin}${LAUNCH_PATH}`,
    jwksUrl: `${appOrigin}/api/lti/jwks`,
    deepLinkingUrl: `${appOrigin}${LAUNCH_PATH}`,
  };
}

/**
 * An administrator makes a one-time link for LTI Dynamic Registration. Only
 * its hash is stored; the link itself is shown once. Whoever opens it with a
 * platform's configuration registers that platform, so it is as secret as a
 * password and works for an hour.
 */
export async function createRegistrationLink({ viewer, appOrigin }: { viewer: { id: string; accountRole: AccountRole }; appOrigin: string }) {
  requireAdmin(viewer);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + REGISTRATION_LINK_MAX_AGE_MS);
  await db.ltiRegistrationToken.create({ data: { tokenHash: hashToken(token), createdById: viewer.id, expiresAt } });
  return { url: `${appOrigin}/api/lti/register/${token}`, expiresAt: expiresAt.toISOString() };
}

async function fetchJson(url: string, init: RequestInit, what: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS) });
  } catch {
    throw new AppError("unavailable", `The platform's ${what} could not be reached. Try again in a moment.`);
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new AppError("unavailable", `The platform's ${what} answered ${res.status}.`);
  return json;
}

/**
 * LTI Dynamic Registration 1.0 (§3): with an administrator's unexpired,
 * unused link, read the platform's OpenID configuration (checked by
 * parsePlatformConfiguration), send it our client registration with its
 * registration token, and store the platform with the client id and
 * deployment id it answers. The link is used up in the same transaction that
 * stores the platform, so two tabs cannot register twice with it.
 */
export async function completeDynamicRegistration({
  token,
  openidConfiguration,
  registrationToken,
  appOrigin,
}: {
  token: string;
  openidConfiguration: string | null;
  registrationToken: string | null;
  appOrigin: string;
}) {
  const link = await db.ltiRegistrationToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link || link.usedAt || link.expiresAt <= new Date()) {
    throw new AppError("not_found", "This registration link is unknown, used or expired. Ask your Marginalia administrator for a new one.");
  }
  const configUrl = parseEndpointUrl(openidConfiguration);
  if (!configUrl) throw new AppError("invalid", endpointProblem("openid_configuration address"));
  const auth: Record<string, string> = registrationToken ? { Authorization: `Bearer ${registrationToken}` } : {};
  const config = parsePlatformConfiguration(await fetchJson(configUrl.toString(), { headers: { Accept: "application/json", ...auth } }, "OpenID configuration"), configUrl.toString());
  const request = toolRegistrationRequest({ tool: toolAddresses(appOrigin), clientName: "Marginalia", domain: new URL(appOrigin).host });
  const registered = parseRegistrationResponse(
    await fetchJson(
      config.registrationEndpoint,
      { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json", ...auth }, body: JSON.stringify(request) },
      "registration endpoint",
    ),
  );
  const frameOrigins = [toFrameOrigin(configUrl.toString())].filter((o): o is string => o !== null);
  try {
    const platform = await db.$transaction(async (tx) => {
      const used = await tx.ltiRegistrationToken.updateMany({ where: { tokenHash: link.tokenHash, usedAt: null }, data: { usedAt: new Date() } });
      if (used.count === 0) throw new AppError("conflict", "This registration link was just used. Ask your Marginalia administrator for a new one.");
      return tx.ltiPlatform.create({
        data: {
          name: `${config.productFamily ?? "Platform"} (${new URL(config.issuer).host})`.slice(0, 100),
          issuer: config.issuer,
          clientId: registered.clientId,
          deploymentIds: registered.deploymentId ? [registered.deploymentId] : [],
          authLoginUrl: config.authLoginUrl,
          authTokenUrl: config.authTokenUrl,
          authServer: config.authServer,
          jwksUrl: config.jwksUrl,
          frameOrigins,
          registeredVia: "dynamic",
          createdById: link.createdById,
        },
      });
    });
    return { issuer: platform.issuer, clientId: platform.clientId, frameOrigins: frameOriginsOf(platform) };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "This platform is already registered with that client id.");
    throw error;
  }
}
