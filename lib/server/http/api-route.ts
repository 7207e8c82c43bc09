import "server-only";
import { type z } from "zod";
import { AppError } from "@/lib/errors";
import { getViewer, MUST_CHANGE_PASSWORD, type Viewer } from "@/lib/server/auth/viewer";
import { hasNulCharacter } from "./nul-character";
import { checkSameOrigin } from "./same-origin";
import { errorResponse, toAppError } from "./error-response";
import { readBoundedBody } from "./read-body";
import { safeValues, withSafeQuery } from "./route-params";

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_JSON_BYTES = 64 * 1024;

interface Context<P> {
  req: Request;
  params: P;
  viewer: Viewer;
  /** The parsed JSON body (mutations only). */
  json: unknown;
  /** The parsed multipart body, for routes that take a file (`form: true`); JSON is refused there. */
  form?: FormData;
}

type Handler<P> = (ctx: Context<P>) => Promise<Response | object>;

/**
 * Wraps a route handler: signed-in viewer (401 otherwise; 403 while they are
 * still on a one-time password, the one place that rule is kept for the API), same-origin check
 * and a bounded JSON body for mutations, and one mapping from errors to
 * statuses: zod → 422, AppError → its code's status, database down → 503.
 * A user sees a sentence, never a stack trace. Path and query values that
 * cannot name anything (`%00`, over-long) reach the handler as an unmatchable
 * id, so they answer exactly as a random id does.
 */
export function apiRoute<P = Record<string, string>>(
  handler: Handler<P>,
  /** `beforePasswordChange`: the route stays open to someone on a one-time password (changing it). */
  options: { maxBytes?: number; beforePasswordChange?: boolean; form?: boolean } = {},
) {
  // Next's generated route types check `context.params` against the folder's
  // own params; the handler declares what it reads, so accept any here.
  return async (rawReq: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      const req = withSafeQuery(rawReq);
      const isMutation = !["GET", "HEAD", "OPTIONS"].includes(req.method);
      if (isMutation) checkSameOrigin(req);
      const viewer = await requireApiViewer(options);
      const form = isMutation && options.form ? await readForm(req, options.maxBytes ?? MAX_JSON_BYTES) : undefined;
      const json = isMutation && !form ? await readJson(req, options.maxBytes ?? MAX_JSON_BYTES) : undefined;
      const result = await handler({ req, params: safeValues(((await context.params) ?? {}) as Record<string, string>) as P, viewer, json, form });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(toAppError(error));
    }
  };
}

/**
 * The signed-in viewer of an API request: 401 when signed out, 403 naming the
 * reason while they are on a one-time password (unless the route is how they
 * change it). Routes outside apiRoute (the event stream) call this too.
 */
export async function requireApiViewer(options: { beforePasswordChange?: boolean } = {}): Promise<Viewer> {
  return admitViewer(await getViewer(), options);
}

/** The rule requireApiViewer applies to the session's user, apart from reading the cookie. */
export function admitViewer(viewer: Viewer | null, options: { beforePasswordChange?: boolean } = {}): Viewer {
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  if (viewer.mustChangePassword && !options.beforePasswordChange) {
    throw new AppError("forbidden", MUST_CHANGE_PASSWORD, { reason: "must_change_password" });
  }
  return viewer;
}

/**
 * The same wrapper for the few routes that work signed out (sign-up): the
 * same-origin check, body limit and error mapping, without requiring a session.
 */
export function publicApiRoute(handler: (ctx: { req: Request; json: unknown }) => Promise<Response | object>) {
  return async (req: Request): Promise<Response> => {
    try {
      checkSameOrigin(req);
      const json = await readJson(req, MAX_JSON_BYTES);
      const result = await handler({ req, json });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(toAppError(error));
    }
  };
}

/** Parses a JSON body of at most `limit` bytes; anything else is a clear 413/415/422. */
async function readJson(req: Request, limit: number): Promise<unknown> {
  // No body at all (a bare DELETE, a POST with Content-Length: 0) is an empty object, whatever its type.
  const length = req.headers.get("content-length");
  if (length === "0" || (!length && !req.body)) return {};
  const type = req.headers.get("content-type");
  // A browser's fetch(url, { method: "DELETE" }) sends neither a type nor a length, yet Next still
  // hands over a (empty) body stream: read it, and only a body that holds something must be JSON.
  const isJson = /^application\/(?:ld\+)?json\b/i.test(type ?? "");
  if (type !== null && !isJson) throw notJson();
  const text = (await readBoundedBody(req, limit)).toString("utf8");
  if (!isJson && text.length > 0) throw notJson();
  if (text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("invalid", "The request body is not valid JSON.");
  }
  // PostgreSQL cannot store U+0000 in text or jsonb: refused here, once, instead of a 500 from whichever column.
  if (text.includes("\\u0000") && hasNulCharacter(json)) {
    throw new AppError("invalid", "The text contains a NUL character (U+0000), which cannot be saved. Remove it and try again.");
  }
  return json;
}

/** Parses a multipart/form-data body of at most `limit` bytes (read bounded, as JSON bodies are). */
async function readForm(req: Request, limit: number): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) throw new AppError("unsupported_media", "Send the file as multipart/form-data.");
  const bytes = await readBoundedBody(req, limit);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid", "The upload could not be read. Choose the file again and send it once more.");
  }
}

const notJson = () => new AppError("unsupported_media", "Send the request as JSON (Content-Type: application/json).");

/** Parses `input` with `schema`, turning failures into a 422 that lists each problem. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new AppError("invalid", issues[0]?.message ?? "The request is not valid.", { issues });
}
