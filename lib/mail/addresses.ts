/**
 * Addresses that can never receive mail: `.invalid` is reserved for that
 * (RFC 2606), and it is what an account from a learning platform that sent
 * no e-mail gets (lib/server/lti/course-people.ts). Digests skip them.
 */
export const UNDELIVERABLE_SUFFIX = ".invalid";

/** Whether mail to this address could arrive at all. */
export function canReceiveMail(email: string): boolean {
  return !email.toLowerCase().endsWith(UNDELIVERABLE_SUFFIX);
}
