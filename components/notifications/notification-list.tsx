"use client";

import { useState } from "react";
import { RelativeTime } from "@/components/annotations/relative-time";
import { callApi } from "@/components/ui/api-client";
import type { NotificationDTO } from "@/lib/server/notifications/find-notifications";
import { UNREAD_EVENT } from "./notifications-link";

/**
 * The viewer's notifications, newest first: each says what happened and
 * opens its thread in the reader (marking it read); "Mark read" and "Mark
 * all read" without leaving the page. The header's count follows.
 */
export function NotificationList({ initial }: { initial: NotificationDTO[] }) {
  const [items, setItems] = useState(initial);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function markRead(body: { ids: string[] } | { all: true }, done: string) {
    const res = await callApi<{ unread: number }>("POST", "/api/notifications/read", body);
    if (!res.ok) return setMessage({ text: res.message, isError: true });
    setItems((list) => list.map((n) => ("all" in body || body.ids.includes(n.id) ? { ...n, isRead: true } : n)));
    window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: res.data.unread }));
    setMessage({ text: done, isError: false });
  }

  if (items.length === 0) return <p className="muted">Nothing yet. Replies to your work, mentions of you, decisions on your flags and new readings will appear here.</p>;
  const unread = items.filter((n) => !n.isRead).length;
  return (
    <div className="stack">
      <p className="inline-form">
        <span>{unread === 0 ? "All read." : `${unread} unread.`}</span>
        {unread > 0 ? (
          <button type="button" className="button button-small button-quiet" onClick={() => markRead({ all: true }, "All notifications marked read.")}>
            Mark all read
          </button>
        ) : null}
      </p>
      <p role="status" className={message?.isError ? "form-error" : "visually-hidden"}>
        {message?.text ?? ""}
      </p>
      <ol className="card-list notification-list">
        {items.map((n) => (
          <li key={n.id} className={`card notification${n.isRead ? "" : " is-unread"}`} data-notification-kind={n.kind}>
            <p>
              {n.isRead ? null : <span className="badge">New</span>} <strong>{n.text}</strong> · {n.assignmentTitle} · <RelativeTime iso={n.createdAt} />
            </p>
            {n.reason ? <p className="notification-reason">“{n.reason}”</p> : null}
            <p className="inline-form">
              <a
                href={n.href}
                onClick={() => {
                  // Marked read on the way; the reader opens either way.
                  if (!n.isRead) void fetch("/api/notifications/read", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ids: [n.id] }), keepalive: true });
                }}
              >
                {n.kind === "assignment_new" ? "Open the reading" : "Open the thread"}
              </a>
              {n.isRead ? null : (
                <button type="button" className="button button-small button-quiet" aria-label={`Mark read: ${n.text}`} onClick={() => markRead({ ids: [n.id] }, "Marked read.")}>
                  Mark read
                </button>
              )}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
