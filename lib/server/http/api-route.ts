import "server-only";
import { type z } from "zod";
import { AppError } from "@/lib/errors";
import { getViewer, type Viewer } from "@/lib/server/auth/viewer";
import { hasNulCharacter } from "./nul-character";
import { checkSameOrigin } from "./same-origin";
import { errorResponse, toAppError } from "./error-response";
import { readBoundedBody } from "./read-body";

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_JSON_BYTES = 64 * 1024;

interface Context<P> {
  req: Request;
  params: P;
  viewer: Viewer;
  /** The parsed JSON body (mutations only). */
  json: unknown;
}

type Handler<P> = (ctx: Context<P>) => Promise<Response | object>;

/**
 * Wraps a route handler: signed-in viewer (401 otherwise), same-origin check
 * and a bounded JSON body for mutations, and one mapping from errors to
 * statuses: zod → 422, AppError → its code's status, database down → 503.
 * A user sees a sentence, never a stack trace.
 */
export function apiRoute<P = Record<string, string>>(handler: Handler<P>, options: { maxBytes?: number } = {}) {
  // Next's generated route types check `context.params` against the folder's
  // own params; the handler declares what it reads, so accept any here.
  return async (req: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      const isMutation = !["GET", "HEAD", "OPTIONS"].includes(req.method);
      if (isMutation) checkSameOrigin(req);
      const viewer = await getViewer();
      if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
      const json = isMutation ? await readJson(req, options.maxBytes ?? MAX_JSON_BYTES) : undefined;
      const result = await handler({ req, params: (await context.params) as P, viewer, json });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(toAppError(error));
    }
  };
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
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:ld\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media", "Send the request as JSON (Content-Type: application/json).");
  }
  const text = (await readBoundedBody(req, limit)).toString("utf8");
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

/** Parses `input` with `schema`, turning failures into a 422 that lists each problem. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new AppError("invalid", issues[0]?.message ?? "The request is not valid.", { issues });
}
