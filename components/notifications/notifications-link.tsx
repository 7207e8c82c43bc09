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
 * (/api/notifications/stream) the moment it changes, while the tab is
 * visible; while that stream is down (reconnecting, refused past the
 * per-user cap, or blocked by a proxy) the header asks again every 20 s,
 * and when the tab comes back. It also follows the notifications page's own
 * changes at once.
 */
export function NotificationsLink({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const [isLive, setLive] = useState(false);
  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    // Only a visible tab holds the stream: over HTTP/1.1 a browser keeps six connections per site, and
    // background tabs' headers should not take them from the readers' streams.
    const open = () => {
      if (source) return;
      const mine = new EventSource("/api/notifications/stream");
      source = mine;
      mine.addEventListener("unread", (event) => {
        const count = (JSON.parse((event as MessageEvent<string>).data) as { unread: unknown }).unread;
        if (typeof count === "number") setUnread(count);
      });
      mine.addEventListener("open", () => setLive(true));
      mine.addEventListener("error", () => setLive(mine.readyState === EventSource.OPEN));
    };
    const close = () => {
      source?.close();
      source = null;
      setLive(false);
    };
    const refresh = async () => {
      if (document.visibilityState !== "visible" || source?.readyState === EventSource.OPEN) return;
      const res = await callApi<{ unread: number }>("GET", "/api/notifications?count=1");
      if (!stopped && res.ok) setUnread(res.data.unread);
    };
    const onVisibility = () => {
      if (document.visibilityState !== "visible") return close();
      open();
      void refresh();
    };
    if (document.visibilityState === "visible") open();
    const timer = window.setInterval(refresh, UNREAD_POLL_MS);
    const onEvent = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener(UNREAD_EVENT, onEvent);
    return () => {
      stopped = true;
      close();
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
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
