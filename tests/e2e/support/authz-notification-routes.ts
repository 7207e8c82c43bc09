/**
 * The matrix's notification and account-setting routes: each answers the
 * signed-in viewer about themselves only (their notifications, their live
 * unread count, their digest switch). Pure.
 */
import type { Actor } from "./authz-model";
import type { RouteTemplate } from "./authz-route-types";

const signedIn = (who: Actor) => who.key !== "anonymous";

export const NOTIFICATION_ROUTES: readonly RouteTemplate[] = [
  // Notifications: one's own only, each re-checked against the thread's visibility (scanned for every secret).
  { name: "GET /api/notifications", method: "GET", target: "none", path: () => "/api/notifications", sees: signedIn, ok: 200, scanQuotes: true },
  {
    name: "POST /api/notifications/read",
    method: "POST",
    target: "none",
    path: () => "/api/notifications/read",
    sees: signedIn,
    ok: 200,
    body: () => ({ all: true }),
    invalid: () => ({ all: false }),
  },
  { name: "page /notifications", method: "GET", target: "none", path: () => "/notifications", isPage: true, sees: signedIn, ok: 200, scanQuotes: true },
  // The header's live count: the viewer's own number only.
  { name: "GET /api/notifications/stream", method: "GET", target: "none", path: () => "/api/notifications/stream", sees: signedIn, ok: 200, scanQuotes: true, isStream: true },
  {
    name: "POST /api/account/email-digest",
    method: "POST",
    target: "none",
    path: () => "/api/account/email-digest",
    sees: signedIn,
    ok: 200,
    body: () => ({ emailDigest: true }),
    invalid: () => ({ emailDigest: "no" }),
  },
];
