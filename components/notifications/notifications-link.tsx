"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** How often the header asks for the unread count while the page is visible and its stream is down. */
export const UNREAD_POLL_MS = 20_000;

/** Sent on window by whatever marks notifications read, with the count left, so the header follows at once. */
export const UNREAD_EVENT = "marginalia:unread";

/**
 * The header's link to the notifications page with the unread count. The
 * server pushes the count over a small stream of its own
 * (/api/notifications/stream) the moment it changes; while that stream is
 * down (reconnecting, refused past the per-user cap, or blocked by a proxy)
 * the header asks again every 20 s while the tab is visible and when the
 * tab comes back. It also follows the notifications page's own changes at once.
 */
export function NotificationsLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const [isLive, setLive] = useState(false);
  useEffect(() => {
    let stopped = false;
    const source = new EventSource("/api/notifications/stream");
    source.addEventListener("unread", (event) => {
      const count = (JSON.parse((event as MessageEvent<string>).data) as { unread: unknown }).unread;
      if (typeof count === "number") setUnread(count);
    });
    source.addEventListener("open", () => setLive(true));
    source.addEventListener("error", () => setLive(source.readyState === EventSource.OPEN));
    const refresh = async () => {
      if (document.visibilityState !== "visible" || source.readyState === EventSource.OPEN) return;
      const res = await callApi<{ unread: number }>("GET", "/api/notifications?count=1");
      if (!stopped && res.ok) setUnread(res.data.unread);
    };
    const timer = window.setInterval(refresh, UNREAD_POLL_MS);
    const onEvent = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    document.addEventListener("visibilitychange", refresh);
    window.addEventListener(UNREAD_EVENT, onEvent);
    return () => {
      stopped = true;
      source.close();
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
      window.removeEventListener(UNREAD_EVENT, onEvent);
    };
  }, []);
  return (
    <Link prefetch={false} href="/notifications" className="notifications-link" data-testid="notifications-link" data-live={isLive ? "on" : "off"}>
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
