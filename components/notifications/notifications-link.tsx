"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** How often the header asks for the unread count while the page is visible. */
export const UNREAD_POLL_MS = 20_000;

/** Sent on window by whatever marks notifications read, with the count left, so the header follows at once. */
export const UNREAD_EVENT = "marginalia:unread";

/**
 * The header's link to the notifications page with the unread count. It
 * asks the server again every 20 s while the tab is visible and when the tab
 * comes back, and follows the notifications page's own changes at once.
 */
export function NotificationsLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState !== "visible") return;
      const res = await callApi<{ unread: number }>("GET", "/api/notifications?count=1");
      if (!stopped && res.ok) setUnread(res.data.unread);
    };
    const timer = window.setInterval(refresh, UNREAD_POLL_MS);
    const onEvent = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    document.addEventListener("visibilitychange", refresh);
    window.addEventListener(UNREAD_EVENT, onEvent);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener(UNREAD_EVENT, onEvent);
    };
  }, []);
  return (
    <Link prefetch={false} href="/notifications" className="notifications-link" data-testid="notifications-link">
      Notifications
      {unread > 0 ? (
        <span className="badge notifications-count">
          {unread}
          <span className="visually-hidden"> unread</span>
        </span>
      ) : null}
    </Link>
  );
}
