import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readSession } from "./session-store";
import { readSessionId } from "./session-token";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  /** Signed in with a one-time password a teacher handed out: must choose their own. */
  mustChangePassword: boolean;
}

/**
 * The signed-in user, checked against the session row; null when signed out.
 * Read once per page render (the header and the page both ask).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const sid = await readSessionId();
  return sid ? readSession(sid) : null;
});

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return viewer;
}

/** Only same-site paths are allowed as a return address after sign-in. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  return value;
}
