export type AppErrorCode =
  | "invalid"
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "unavailable"
  | "forbidden_origin"
  | "unsupported_media"
  | "internal";

const STATUS: Record<AppErrorCode, number> = {
  invalid: 422,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  forbidden_origin: 403,
  unsupported_media: 415,
  internal: 500,
};

/** A failure the user can be told about in one sentence; routes map `code` to a status. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Sent as Retry-After (seconds) with the error, e.g. when a limit is spent. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/** Not visible to this viewer: the same answer as "does not exist", by design. */
export function notFound(what = "That item"): AppError {
  return new AppError("not_found", `${what} was not found.`);
}
