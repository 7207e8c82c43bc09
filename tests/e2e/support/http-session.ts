/**
 * Signing in without a browser, as a script or a load generator would: the
 * CSRF token from next-auth, then the credentials form, same-origin.
 */

/** The name=value pairs of a response's Set-Cookie headers. */
function cookiesFrom(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return jar;
}

const asHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Result of one sign-in over HTTP: the session's Cookie header when it worked. */
export interface HttpSignIn {
  status: number;
  /** next-auth's error code ("CredentialsSignin", "TooManyAttempts"…), or null. */
  error: string | null;
  cookie: string | null;
  /** Raw Set-Cookie lines of the sign-in answer, to check the cookie's attributes. */
  setCookie: string[];
}

/** Signs in through next-auth's credentials endpoint exactly as the sign-in form does. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<HttpSignIn> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const jar = cookiesFrom(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, Cookie: asHeader(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/assignments`, json: "true" }),
    redirect: "manual",
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, baseUrl).searchParams.get("error") : null;
  const session = cookiesFrom(res);
  for (const [k, v] of session) jar.set(k, v);
  const hasSession = [...session.keys()].some((k) => k.endsWith("next-auth.session-token"));
  return { status: res.status, error, cookie: hasSession ? asHeader(jar) : null, setCookie: res.headers.getSetCookie() };
}

/** Signs in or fails the test with the reason. */
export async function requireSession(baseUrl: string, email: string, password: string): Promise<string> {
  const result = await signInOverHttp(baseUrl, email, password);
  if (!result.cookie) throw new Error(`sign-in as ${email} failed: ${result.status} ${result.error}`);
  return result.cookie;
}
