import "server-only";
import { AppError } from "@/lib/errors";

/** True for failures that mean "the database is not reachable right now". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""} ${
    (error as { cause?: { code?: string } })?.cause?.code ?? ""
  }`;
  return /ECONNREFUSED|ECONNRESET|P1001|P1017|57P01|57P03|terminating connection|Connection terminated|connect ETIMEDOUT|Can't reach database|the database system is (starting up|shutting down)|timeout exceeded when trying to connect|DatabaseNotReachable|ConnectionClosed/i.test(
    text,
  );
}

/** Maps any thrown value to an AppError; unknown failures are logged, not shown. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    return new AppError("unavailable", "The database is briefly unavailable. Try again in a moment; nothing was saved.");
  }
  console.error("[api] unexpected error", error);
  return new AppError("internal", "Something went wrong on our side. Try again in a moment.");
}

/** The JSON error body every route uses: { error: { code, message, issues? } }. */
export function errorResponse(error: AppError): Response {
  const headers: HeadersInit = error.code === "unavailable" ? { "Retry-After": "2" } : {};
  const body = { error: { code: error.code, message: error.message, ...(error.details ?? {}) } };
  return Response.json(body, { status: error.status, headers });
}
