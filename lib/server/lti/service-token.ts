import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { clientAssertionClaims, parseTokenResponse, tokenRequestBody } from "@/lib/lti/client-assertion";
import { signToolJwt } from "./tool-keys";

interface PlatformAuth {
  id: string;
  clientId: string;
  authTokenUrl: string;
  authServer: string | null;
}

/** Access tokens by platform and scopes, until a minute before they expire. A cache, not state: losing it costs one request. */
const tokens = new Map<string, { token: string; expiresAtMs: number }>();

/** How long a call to a platform may take before we give up (and, for grades, try again later). */
export const PLATFORM_TIMEOUT_MS = 10_000;

/** A platform service failed: the platform is down or refused us. Said as a sentence; grade passback retries. */
export function platformUnavailable(what: string, detail: string): AppError {
  return new AppError("unavailable", `The learning platform's ${what} did not answer as expected (${detail}). Try again later.`);
}

/**
 * An access token for the platform's services (Security Framework §4.1):
 * the client-credentials grant, authenticated by a JWT we sign with our
 * current key (RFC 7523), for exactly the scopes asked.
 */
export async function serviceToken(platform: PlatformAuth, scopes: readonly string[]): Promise<string> {
  const key = `${platform.id}\n${[...scopes].sort().join(" ")}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAtMs > Date.now()) return cached.token;
  const assertion = await signToolJwt(clientAssertionClaims({ clientId: platform.clientId, audience: platform.authServer ?? platform.authTokenUrl, jti: randomUUID() }));
  let res: Response;
  try {
    res = await fetch(platform.authTokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: tokenRequestBody({ assertion, scopes }),
      signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS),
    });
  } catch (error) {
    throw platformUnavailable("token endpoint", (error as Error).name === "TimeoutError" ? "no answer in time" : "not reachable");
  }
  const parsed = parseTokenResponse(await res.json().catch(() => null));
  if (!res.ok || !parsed) throw platformUnavailable("token endpoint", `status ${res.status}`);
  tokens.set(key, { token: parsed.accessToken, expiresAtMs: Date.now() + Math.max(parsed.expiresInS - 60, 10) * 1000 });
  return parsed.accessToken;
}

/** Forgets a token the platform no longer accepts (a 401), so the next call asks for a fresh one. */
export function forgetServiceToken(platformId: string, scopes: readonly string[]): void {
  tokens.delete(`${platformId}\n${[...scopes].sort().join(" ")}`);
}

/**
 * One authenticated call to a platform service, with a fresh token and one
 * retry when the platform says our cached token is no longer good (401).
 */
export async function callPlatform(
  platform: PlatformAuth,
  scopes: readonly string[],
  url: string,
  init: { method?: string; accept?: string; contentType?: string; body?: string },
  what: string,
): Promise<Response> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await serviceToken(platform, scopes);
    let res: Response;
    try {
      res = await fetch(url, {
        method: init.method ?? "GET",
        headers: {
          Authorization: `Bearer ${token}`,
          ...(init.accept ? { Accept: init.accept } : {}),
          ...(init.contentType ? { "Content-Type": init.contentType } : {}),
        },
        body: init.body,
        signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS),
      });
    } catch (error) {
      throw platformUnavailable(what, (error as Error).name === "TimeoutError" ? "no answer in time" : "not reachable");
    }
    if (res.status === 401 && attempt === 0) {
      forgetServiceToken(platform.id, scopes);
      continue;
    }
    return res;
  }
  throw platformUnavailable(what, "our access token was refused");
}
