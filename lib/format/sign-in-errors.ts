/**
 * Error codes the credentials sign-in can end with. next-auth v4 carries the
 * message of an error thrown in `authorize` to the browser as `?error=<code>`
 * (and as `result.error` from `signIn(..., { redirect: false })`), so these
 * are short codes, never sentences or internals.
 */
export const SIGN_IN_ERROR = {
  /** Too many failed attempts on this account (or from this address) in the window. */
  throttled: "TooManyAttempts",
  /** The database could not be reached; nothing is wrong with the password. */
  unavailable: "ServiceUnavailable",
  /** The right one-time password, past its 7 days: only the teacher can hand out a new one. */
  expired: "OneTimePasswordExpired",
  /** Anything unexpected; the server log has the details. */
  failed: "SignInFailed",
} as const;

/** Shown when sign-in is throttled; the same words on the form and the page. */
export const THROTTLED_MESSAGE = "Too many sign-in attempts. Wait a few minutes and try again.";

/** Shown when a one-time password is right but too old. */
export const EXPIRED_MESSAGE = "Your one-time password has expired (they last 7 days). Ask your teacher for a new one.";

/** The sentence a person sees for a sign-in error code (next-auth's own codes included). */
export function signInErrorMessage(code: string | null | undefined): string {
  switch (code) {
    case SIGN_IN_ERROR.throttled:
      return THROTTLED_MESSAGE;
    case SIGN_IN_ERROR.expired:
      return EXPIRED_MESSAGE;
    case SIGN_IN_ERROR.unavailable:
      return "The server is briefly unavailable. Try again in a moment.";
    case SIGN_IN_ERROR.failed:
      return "Something went wrong on our side. Try again in a moment.";
    case "CredentialsSignin":
    case null:
    case undefined:
    case "":
      return "That email and password do not match an account.";
    default:
      return "Sign-in did not work. Try again.";
  }
}
