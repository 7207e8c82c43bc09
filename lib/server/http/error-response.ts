import "server-only";
import { AppError } from "@/lib/errors";

// What "the database is away" looks like from pg, node-postgres' pool, Prisma and
// the driver adapter: socket errors, SQLSTATE class 08 (connection exception),
// 57P01-57P03 (shutdown, crash, starting up), 53300 (no connection slots), and
// the adapter's and pg's own words for a connection that died under a query. A database
// that hangs instead counts too once a limit in lib/db.ts ends the wait: 57014 (statement
// cancelled by statement_timeout, a lock wait included), 55P03 (lock not available) and pg's
// "Query read timeout" (no answer at all within query_timeout).
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|P1001|P1002|P1017|P2024|\b08(?:000|001|003|004|006)\b|\b57P0[123]\b|\b53300\b|\b57014\b|\b55P03\b|canceling statement due to (?:statement|lock) timeout|Query read timeout|terminating connection|Connection terminated|not queryable|connection error|Can't reach database|the database system is (?:starting up|shutting down|in recovery mode|not yet accepting connections)|too many clients|timeout exceeded when trying to connect|DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections/i;

/**
 * True for failures that mean "the database is not reachable right now", so
 * the request can be answered 503 "try again" instead of 500. Looks through
 * the whole `cause` chain (and a raw query's `meta.driverAdapterError`):
 * Prisma wraps the driver's error, which wraps the socket's, and the telling
 * code can sit at any level.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 8) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const { code, kind, message, originalCode, originalMessage, cause, meta } = e as Record<string, unknown>;
    if (UNAVAILABLE.test([code, kind, message, originalCode, originalMessage].filter(Boolean).join(" "))) return true;
    // A raw query's failure (P2010) keeps the adapter's error in meta, not in cause: a closed
    // connection then reads "Server has closed the connection" with kind ConnectionClosed.
    queue.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return false;
}

/** Maps any thrown value to an AppError; unknown failures are logged, not shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    // Not "nothing was saved": a write can commit and lose its answer when the
    // connection drops right after. Retrying is safe (creates are idempotent by id,
    // edits carry a version), so "try again" is the whole truth.
    return new AppError("unavailable", "The database is briefly unavailable. Try again in a moment.");
  }
  console.error("[api] unexpected error", error);
  return new AppError("internal", "Something went wrong on our side. Try again in a moment.");
}

/** The JSON error body every route uses: { error: { code, message, issues? } }. */
export function errorResponse(error: AppError): Response {
  const retryAfter = error.retryAfterSeconds ?? (error.code === "unavailable" ? 2 : undefined);
  const headers: HeadersInit = retryAfter === undefined ? {} : { "Retry-After": String(Math.max(1, Math.ceil(retryAfter))) };
  const body = { error: { code: error.code, message: error.message, ...(error.details ?? {}) } };
  return Response.json(body, { status: error.status, headers });
}
