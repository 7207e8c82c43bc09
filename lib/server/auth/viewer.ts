import "server-only";
import { redirect } from "next/navigation";
import type { AccountRole } from "@/lib/generated/prisma/client";
import { cache } from "react";
import { readSession } from "./session-store";
import { readSessionRef } from "./session-token";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  /** Signed in with a one-time password a teacher handed out: must choose their own. */
  mustChangePassword: boolean;
  /** What the account may do on the whole instance (lib/server/users/account-role.ts). */
  accountRole: AccountRole;
  /** Signed in by an LTI launch, inside a learning platform's frame (no sign-out there: the platform is the way in). */
  isLtiSession?: boolean;
}

/** The page where a one-time password is replaced: the only page open until it is. */
export const CHANGE_PASSWORD_PAGE = "/account";

/** The sentence (API 403) for every route but changing the password and signing out, until it is changed. */
export const MUST_CHANGE_PASSWORD = "Choose your own password first: your one-time password only lets you change it (Account page).";

/**
 * The signed-in user, checked against the session row; null when signed out.
 * Read once per page render (the header and the page both ask).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const ref = await readSessionRef();
  const viewer = ref ? await readSession(ref.sid) : null;
  return viewer && ref?.isLti ? { ...viewer, isLtiSession: true } : viewer;
});

/**
 * The signed-in user, or a redirect to sign-in that comes back to `returnTo`.
 * Someone still on a one-time password is sent to the change form instead:
 * every page but that one asks this, so the rule lives here once.
 */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  if (viewer.mustChangePassword && returnTo.split("?")[0] !== CHANGE_PASSWORD_PAGE) redirect(CHANGE_PASSWORD_PAGE);
  return viewer;
}

/** Only same-site paths are allowed as a return address after sign-in. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  return value;
}
