import type { ApiErrorBody } from "@/lib/annotations/types";

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string };

/**
 * JSON request to our own API (or a multipart upload, when the body is FormData). Failures come back as a sentence to show, never
 * a throw: the network being down is one more result the reader handles.
 */
export async function callApi<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    const isForm = body instanceof FormData;
    res = await fetch(url, {
      method,
      // The browser writes a multipart body's Content-Type itself (with its boundary).
      headers: body === undefined || isForm ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, status: 0, message: "You seem to be offline. Check the connection and try again." };
  }
  const json = (await res.json().catch(() => null)) as T | ApiErrorBody | null;
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  const message =
    (json as ApiErrorBody | null)?.error?.message ??
    (res.status === 401 ? "Your session ended. Sign in again." : "Something went wrong. Try again.");
  return { ok: false, status: res.status, message };
}
