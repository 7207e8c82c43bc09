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
  /** Anything unexpected; the server log has the details. */
  failed: "SignInFailed",
} as const;

/** Shown when sign-in is throttled; the same words on the form and the page. */
export const THROTTLED_MESSAGE = "Too many sign-in attempts. Wait a few minutes and try again.";

/** The sentence a person sees for a sign-in error code (next-auth's own codes included). */
export function signInErrorMessage(code: string | null | undefined): string {
  switch (code) {
    case SIGN_IN_ERROR.throttled:
      return THROTTLED_MESSAGE;
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
