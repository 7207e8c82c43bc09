"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** A class made from a platform course: its teacher syncs the roster now (it also syncs on launches). */
export function RosterSyncButton({ classroomId, syncedAt }: { classroomId: string; /** Formatted by the page. */ syncedAt: string | null }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="inline-form">
      <p className="muted">
        This class comes from a course on your learning platform. Its roster follows the platform
        {syncedAt ? ` (last synced ${syncedAt})` : ""}.
      </p>
      <button
        type="button"
        className="button button-quiet"
        onClick={async () => {
          const res = await callApi<{ members: number; added: number; removed: number }>("POST", `/api/classes/${classroomId}/roster-sync`);
          setStatus(res.ok ? { ok: true, text: `Roster synced: ${res.data.members} people, ${res.data.added} added, ${res.data.removed} removed.` } : { ok: false, text: res.message });
          if (res.ok) router.refresh();
        }}
      >
        Sync roster now
      </button>
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={status.ok ? "notice" : "form-error"}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
