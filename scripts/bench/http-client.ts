import http, { type IncomingHttpHeaders } from "node:http";

/*
 * A lean HTTP client for load (node:http with keep-alive): on a 2-core
 * machine the load generator shares the CPU with the app and PostgreSQL, so
 * it should cost as little as it can.
 */

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Milliseconds from sending to the response headers. */
  headersMs: number;
  totalMs: number;
}

/** One request; resolves with the whole body. */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent }, (res) => {
      const headersMs = performance.now() - start;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          headersMs,
          totalMs: performance.now() - start,
        }),
      );
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** name=value pairs from Set-Cookie headers. */
function readCookies(headers: IncomingHttpHeaders): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of headers["set-cookie"] ?? []) {
    const pair = line.split(";")[0];
    const eq = pair.indexOf("=");
    if (eq > 0) out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return out;
}

/**
 * Signs in through next-auth's credentials endpoint, as the sign-in form
 * does: CSRF token first, then the form post. Returns the session Cookie header.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await httpRequest(`${baseUrl}/api/auth/csrf`);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const jar = readCookies(csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await httpRequest(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseUrl,
      Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = [...readCookies(res.headers)].find(([name]) => name.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`signing in ${email} failed (${res.status}): ${res.body.slice(0, 200)}`);
  return `${session[0]}=${session[1]}`;
}

/** Runs `task` over `items` with at most `limit` at a time; results in input order. */
export async function mapPool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
