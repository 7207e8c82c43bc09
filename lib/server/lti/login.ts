import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { authenticationRequestUrl, parseLoginInitiation } from "@/lib/lti/login-initiation";
import { framedCookie } from "@/lib/server/auth/session-cookie";
import { findPlatformForLogin } from "./platforms";

/** How long a browser has from the platform's login request to its launch. */
export const LOGIN_STATE_MAX_AGE_S = 10 * 60;

/** The launch endpoint's path: the only one that ever receives the state cookie. */
export const LAUNCH_PATH = "/api/lti/launch";

/**
 * The cookie that binds one login to this browser. Named after the state, so
 * two launches at once in one browser (two tool links on one course page)
 * each keep their own.
 */
export function stateCookieName(state: string): string {
  return `marginalia.lti-state-${state.slice(0, 16)}`;
}

/**
 * Step one of a launch (Security Framework §5.1.1): the platform's login
 * request becomes an authentication request back to it. We remember a fresh
 * state and nonce (LtiLoginState, 10 minutes) and set the state in a cookie
 * for the launch endpoint only, so the launch that comes back must come to the
 * same browser (launch.ts compares them) and can be used once.
 */
export async function beginLogin({ params, appOrigin }: { params: URLSearchParams; appOrigin: string }) {
  const login = parseLoginInitiation(params, appOrigin);
  const platform = await findPlatformForLogin({ issuer: login.issuer, clientId: login.clientId, deploymentId: login.deploymentId });
  const state = randomBytes(32).toString("base64url");
  const nonce = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.ltiLoginState.create({
    data: { state, nonce, platformId: platform.id, targetLinkUri: login.targetLinkUri, expiresAt: new Date(now.getTime() + LOGIN_STATE_MAX_AGE_S * 1000) },
  });
  // Old rows are useless after they expire; each login sweeps them, so the table stays small.
  await db.ltiLoginState.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 60 * 60 * 1000) } } });
  const location = authenticationRequestUrl({
    authLoginUrl: platform.authLoginUrl,
    clientId: platform.clientId,
    redirectUri: `${appOrigin}${LAUNCH_PATH}`,
    login,
    state,
    nonce,
  });
  return { location, setCookie: framedCookie(stateCookieName(state), state, { path: LAUNCH_PATH, maxAgeS: LOGIN_STATE_MAX_AGE_S }) };
}
