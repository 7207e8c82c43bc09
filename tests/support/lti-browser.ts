/**
 * What a browser does in an LTI launch, for integration tests that call the
 * tool's route handlers directly: keep cookies, follow the login redirect
 * to the platform emulator over HTTP, and post its form back to the tool.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { GET as loginGet } from "@/app/api/lti/login/route";
import { POST as launchPost } from "@/app/api/lti/launch/route";
import { readAutoPostForm, type PlatformEmulator, type PlatformUser, type Tamper } from "./lti-platform";

/** The tool's public address in these tests (NEXTAUTH_URL is set to it). */
export const APP = "http://localhost:3999";

/** A cookie jar, as a browser keeps one. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const value = pair.slice(pair.indexOf("=") + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** A stand-in for next/headers' cookies() while this browser is the one asking. */
  cookieStore() {
    return {
      get: (name: string) => (this.cookies.has(name) ? { name, value: this.cookies.get(name)! } : undefined),
      has: (name: string) => this.cookies.has(name),
      getAll: () => [...this.cookies].map(([name, value]) => ({ name, value })),
    };
  }
}

export interface LaunchResult {
  status: number;
  /** Where the tool sent the browser (303), or null. */
  location: string | null;
  /** The refusal page's text, or "". */
  text: string;
  /** The id_token and state the platform posted, to replay them. */
  form: Record<string, string>;
}

/**
 * One launch, start to end: the platform's login initiation to the tool's
 * login endpoint (GET), the redirect to the platform's OIDC endpoint, and the
 * platform's form post to the tool's launch endpoint with `browser`'s
 * cookies, or with `postFrom`'s (another browser) when given.
 */
export async function launch(
  platform: PlatformEmulator,
  browser: TestBrowser,
  { user, courseId, kind = "resource", linkId, tamper, postFrom }: { user: PlatformUser; courseId: string; kind?: "resource" | "deep-linking"; linkId?: string; tamper?: Tamper; postFrom?: TestBrowser },
): Promise<LaunchResult> {
  const params = platform.loginInitiation({ user, courseId, kind, linkId });
  const login = await loginGet(new Request(`${APP}/api/lti/login?${params}`), undefined);
  if (login.status !== 302) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  browser.store(login);
  platform.nextTamper = tamper ?? null;
  const auth = await fetch(login.headers.get("location")!);
  const { action, fields } = readAutoPostForm(await auth.text());
  const result = await postLaunch(postFrom ?? browser, action, fields);
  return { ...result, form: fields };
}

/** Posts a platform's form (id_token, state) to the tool's launch endpoint, as `browser`. */
export async function postLaunch(browser: TestBrowser, action: string, fields: Record<string, string>): Promise<Omit<LaunchResult, "form">> {
  const res = await launchPost(
    new Request(action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: browser.header(), origin: "null" },
      body: new URLSearchParams(fields),
    }),
    undefined,
  );
  browser.store(res);
  return { status: res.status, location: res.headers.get("location"), text: res.status >= 400 ? await res.text() : "" };
}

/** Serves route handlers on a local port, so the emulator can fetch the tool's JWKS over HTTP. */
export async function serveHandlers(routes: Record<string, (req: Request) => Promise<Response>>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const handler = routes[new URL(req.url ?? "/", "http://x").pathname];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const answer = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method }));
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
