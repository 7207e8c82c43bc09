import { launchRefused } from "./launch-error";

/** Security Framework 1.0 §5.1.1.1: what a platform sends to start a launch (third-party initiated login). */
export interface LoginInitiation {
  issuer: string;
  loginHint: string;
  targetLinkUri: string;
  messageHint: string | null;
  deploymentId: string | null;
  clientId: string | null;
}

const value = (params: URLSearchParams, name: string, max = 2048) => {
  const v = params.get(name);
  return v !== null && v !== "" && v.length <= max ? v : null;
};

/**
 * Reads a login initiation (GET query or POSTed form, the spec allows both).
 * `iss`, `login_hint` and `target_link_uri` are required, and the target must
 * be on our own site: it is only ever a page of ours, and accepting any other
 * would make the login endpoint an open redirect.
 */
export function parseLoginInitiation(params: URLSearchParams, appOrigin: string): LoginInitiation {
  const issuer = value(params, "iss");
  const loginHint = value(params, "login_hint");
  const targetLinkUri = value(params, "target_link_uri");
  if (!issuer || !loginHint || !targetLinkUri) {
    throw launchRefused("login_request", "The platform's login request is missing iss, login_hint or target_link_uri.");
  }
  let target: URL;
  try {
    target = new URL(targetLinkUri);
  } catch {
    throw launchRefused("target_link_uri", "The login request's target_link_uri is not an address.");
  }
  if (target.origin !== appOrigin) {
    throw launchRefused("target_link_uri", "The login request's target_link_uri leads to another site.");
  }
  return {
    issuer,
    loginHint,
    targetLinkUri,
    messageHint: value(params, "lti_message_hint", 8192),
    deploymentId: value(params, "lti_deployment_id", 255),
    clientId: value(params, "client_id", 255),
  };
}

/**
 * The OIDC authentication request we send the browser to (Security Framework
 * §5.1.1.2): an implicit-flow id_token, posted back to `redirectUri` as a
 * form (response_mode=form_post), with no prompt, carrying our state and
 * nonce and echoing the platform's hints.
 */
export function authenticationRequestUrl({
  authLoginUrl,
  clientId,
  redirectUri,
  login,
  state,
  nonce,
}: {
  authLoginUrl: string;
  clientId: string;
  redirectUri: string;
  login: LoginInitiation;
  state: string;
  nonce: string;
}): string {
  const url = new URL(authLoginUrl);
  const params: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: clientId,
    redirect_uri: redirectUri,
    login_hint: login.loginHint,
    state,
    nonce,
  };
  if (login.messageHint) params.lti_message_hint = login.messageHint;
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
