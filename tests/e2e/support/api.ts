import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";

/** What tests/e2e/support/serve.ts wrote: the e2e database and app address. */
export function e2eState(): { databaseUrl: string; adminUrl: string; baseUrl: string } {
  const file = process.env.E2E_STATE_FILE ?? path.join(__dirname, "../../../.data/e2e-state.json");
  return JSON.parse(readFileSync(path.resolve(file), "utf8"));
}

/** The browser context's cookies as a Cookie header, for requests made outside the browser. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** A same-origin JSON request with the context's session, as the reader's own fetch sends it. */
export async function apiRequest(context: BrowserContext, baseUrl: string, method: string, url: string, body?: unknown) {
  return sessionRequest(baseUrl, await cookieHeader(context), method, url, body);
}

/** The same request with a Cookie header (null: signed out), redirects left unfollowed; a FormData body goes as multipart. */
export function sessionRequest(baseUrl: string, cookie: string | null, method: string, url: string, body?: unknown, signal?: AbortSignal) {
  const isForm = body instanceof FormData;
  const headers: Record<string, string> = { Origin: baseUrl, ...(isForm ? {} : { "Content-Type": "application/json" }) };
  if (cookie) headers.Cookie = cookie;
  return fetch(`${baseUrl}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    redirect: "manual",
    signal,
  });
}

/** Reads Server-Sent Events until `until` returns true or the time runs out; returns the events seen. */
export async function readEvents(
  url: string,
  headers: Record<string, string>,
  until: (events: { id?: string; event?: string; data?: string }[]) => boolean,
  timeoutMs = 8_000,
) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const events: { id?: string; event?: string; data?: string }[] = [];
  try {
    const res = await fetch(url, { headers, signal: controller.signal });
    const reader = res.body!.getReader();
    let buffer = "";
    while (!until(events)) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const chunk = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event: { id?: string; event?: string; data?: string } = {};
        for (const line of chunk.split("\n")) {
          const [field, ...rest] = line.split(":");
          const value = rest.join(":").trimStart();
          if (field === "id" || field === "event" || field === "data") event[field] = value;
        }
        if (event.event) events.push(event);
      }
    }
  } catch (error) {
    if ((error as Error).name !== "AbortError") throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
