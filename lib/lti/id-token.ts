import { compactVerify, decodeProtectedHeader, errors, type CompactVerifyGetKey } from "jose";
import { launchRefused } from "./launch-error";
import { parseLaunchClaims, type LaunchMessage } from "./launch-claims";
import { SIGNING_ALG } from "./vocabulary";

/** What a registration says a platform's tokens must carry. */
export interface ExpectedPlatform {
  issuer: string;
  clientId: string;
  deploymentIds: readonly string[];
}

/**
 * How far our clock and the platform's may disagree. A minute covers the
 * drift of servers on NTP, and is short next to the few minutes a platform
 * gives its id_tokens.
 */
export const CLOCK_SKEW_S = 60;

/** An id_token issued longer ago than this is stale, whatever its exp says (Security Framework §5.1.3 step 8). */
export const MAX_TOKEN_AGE_S = 60 * 60;

const decoder = new TextDecoder();

/**
 * Checks an LTI 1.3 id_token (Security Framework 1.0 §5.1.3, LTI Core 1.3
 * §5) and returns the launch it carries. In the order the specification
 * lists them: the signature against the platform's published key (RS256
 * only), `iss` equal to the registered issuer, `aud` holding our client id,
 * `azp` equal to it when present (required when `aud` names several parties),
 * `exp` in the future and `iat` not in the future or stale (both within
 * CLOCK_SKEW_S), the `nonce` we issued for this browser's login, then the LTI
 * claims (parseLaunchClaims): deployment id, message type, version, roles,
 * context. Each failure throws launchRefused with a sentence naming it.
 *
 * The nonce is compared here; that it is used only once is the database's
 * part (the login state row is consumed in the same step as the launch).
 */
export async function verifyLaunchToken({
  token,
  platform,
  getKey,
  nonce,
  now = Date.now(),
}: {
  token: string;
  platform: ExpectedPlatform;
  getKey: CompactVerifyGetKey;
  nonce: string;
  now?: number;
}): Promise<LaunchMessage> {
  const payload = await verifySignature(token, getKey);
  checkStandardClaims(payload, platform, nonce, now);
  return parseLaunchClaims(payload, platform);
}

async function verifySignature(token: string, getKey: CompactVerifyGetKey): Promise<Record<string, unknown>> {
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw launchRefused("signature", "The launch did not carry a readable id_token (a signed JWT).");
  }
  if (alg !== SIGNING_ALG) {
    throw launchRefused("algorithm", `The launch was signed with ${String(alg)}; only ${SIGNING_ALG} is accepted.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = (await compactVerify(token, getKey, { algorithms: [SIGNING_ALG] })).payload;
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) {
      throw launchRefused("unknown_key", "The launch was signed with a key the platform does not publish, even after fetching its key set again.");
    }
    if (error instanceof errors.JWKSMultipleMatchingKeys) {
      throw launchRefused("unknown_key", "The launch names no key id (kid), and the platform publishes several keys.");
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw launchRefused("signature", "The launch's signature does not match the platform's published key: it was not signed by this platform.");
    }
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof TypeError) {
      throw launchRefused("platform_keys", "The platform's public keys could not be fetched. Try again in a moment.");
    }
    throw launchRefused("signature", "The launch's id_token is not a valid signed JWT.");
  }
  let payload: unknown;
  try {
    payload = JSON.parse(decoder.decode(bytes));
  } catch {
    throw launchRefused("signature", "The launch's id_token does not hold JSON claims.");
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) {
    throw launchRefused("signature", "The launch's id_token does not hold JSON claims.");
  }
  return payload as Record<string, unknown>;
}

function checkStandardClaims(claims: Record<string, unknown>, platform: ExpectedPlatform, nonce: string, now: number): void {
  if (claims.iss !== platform.issuer) {
    throw launchRefused("iss", `The launch names the issuer ${JSON.stringify(String(claims.iss))}, not the registered ${JSON.stringify(platform.issuer)}.`);
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(platform.clientId)) {
    throw launchRefused("aud", "The launch is addressed to another tool: its audience (aud) does not include our client id.");
  }
  if (claims.azp !== undefined && claims.azp !== platform.clientId) {
    throw launchRefused("azp", "The launch was issued to another tool: its authorized party (azp) is not our client id.");
  }
  if (audiences.length > 1 && claims.azp === undefined) {
    throw launchRefused("azp", "The launch is addressed to several tools and names none as its authorized party (azp).");
  }
  const nowS = now / 1000;
  if (typeof claims.exp !== "number" || !Number.isFinite(claims.exp)) {
    throw launchRefused("exp", "The launch carries no expiry time (exp).");
  }
  if (claims.exp + CLOCK_SKEW_S <= nowS) {
    throw launchRefused("exp", "The launch has expired. Open the link in your course again.");
  }
  if (typeof claims.iat !== "number" || !Number.isFinite(claims.iat)) {
    throw launchRefused("iat", "The launch carries no issue time (iat).");
  }
  if (claims.iat - CLOCK_SKEW_S > nowS) {
    throw launchRefused("iat", "The launch claims to be issued in the future; the platform's clock may be wrong.");
  }
  if (claims.iat + MAX_TOKEN_AGE_S + CLOCK_SKEW_S < nowS) {
    throw launchRefused("iat", "The launch was issued too long ago. Open the link in your course again.");
  }
  if (typeof claims.nonce !== "string" || claims.nonce !== nonce) {
    throw launchRefused("nonce", "The launch's nonce is not the one issued for this sign-in.");
  }
}
