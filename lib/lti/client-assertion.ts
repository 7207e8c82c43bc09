import { CLIENT_ASSERTION_TYPE } from "./vocabulary";

/**
 * The claims of the JWT we sign to ask a platform for an access token
 * (Security Framework 1.0 §4.1, RFC 7523): issued by and about our client id,
 * for the platform's token endpoint (or the audience it names), short-lived,
 * with a fresh id so it cannot be replayed.
 */
export function clientAssertionClaims({
  clientId,
  audience,
  jti,
  now = Date.now(),
}: {
  clientId: string;
  audience: string;
  jti: string;
  now?: number;
}) {
  const iat = Math.floor(now / 1000);
  return { iss: clientId, sub: clientId, aud: audience, iat, exp: iat + 300, jti };
}

/** The form body of a client-credentials token request (Security Framework §4.1.1). */
export function tokenRequestBody({ assertion, scopes }: { assertion: string; scopes: readonly string[] }): URLSearchParams {
  return new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: assertion,
    scope: scopes.join(" "),
  });
}

/** An access token answer: the token and how many seconds it lasts (RFC 6749 §5.1). */
export function parseTokenResponse(json: unknown): { accessToken: string; expiresInS: number } | null {
  if (!json || typeof json !== "object") return null;
  const { access_token, expires_in, token_type } = json as Record<string, unknown>;
  if (typeof access_token !== "string" || access_token === "") return null;
  if (typeof token_type === "string" && token_type.toLowerCase() !== "bearer") return null;
  const expiresInS = typeof expires_in === "number" && expires_in > 0 ? expires_in : 3600;
  return { accessToken: access_token, expiresInS };
}
