import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { requireViewer } from "@/lib/server/auth/viewer";
import { findNotifications } from "@/lib/server/notifications/find-notifications";

export const metadata: Metadata = { title: "Notifications" };

/** The viewer's notifications: replies, mentions, flag decisions and new readings, each opening its thread. */
export default async function NotificationsPage() {
  const viewer = await requireViewer("/notifications");
  const { notifications } = await findNotifications(viewer.id);
  return (
    <div className="page">
      <h1>Notifications</h1>
      <NotificationList initial={notifications} />
    </div>
  );
}
