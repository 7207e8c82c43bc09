import { AppError } from "@/lib/errors";

/**
 * What a launch check that failed is called, so tests and logs can tell the
 * refusals apart while people read the sentence.
 */
export type LaunchCheck =
  | "state"
  | "signature"
  | "unknown_key"
  | "platform_keys"
  | "algorithm"
  | "iss"
  | "aud"
  | "azp"
  | "exp"
  | "iat"
  | "nonce"
  | "deployment_id"
  | "message_type"
  | "version"
  | "sub"
  | "roles"
  | "context"
  | "resource_link"
  | "target_link_uri"
  | "deep_linking_settings"
  | "login_request";

/**
 * A refused launch: 401 with one sentence that names what was wrong, and the
 * check's name in `details.check`. Key fetching failing is the platform being
 * away, not a bad token: 503, so the person knows trying again may help.
 */
export function launchRefused(check: LaunchCheck, message: string): AppError {
  return new AppError(check === "platform_keys" ? "unavailable" : "unauthenticated", message, { check });
}

/** The check a refusal named, or null for any other error. */
export function refusedCheck(error: unknown): LaunchCheck | null {
  if (!(error instanceof AppError)) return null;
  const check = error.details?.check;
  return typeof check === "string" ? (check as LaunchCheck) : null;
}
