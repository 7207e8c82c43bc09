import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClassAdmin } from "@/components/classes/class-admin";
import { RosterSyncButton } from "@/components/lti/roster-sync-button";
import { requireViewer } from "@/lib/server/auth/viewer";
import { findTaughtClass } from "@/lib/server/classes/find-classes";
import { safePageValues } from "@/lib/server/http/route-params";
import { getSchoolTimeZone } from "@/lib/env";
import { formatDate, toIsoString } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await safePageValues(params);
  const viewer = await requireViewer(`/classes/${id}`);
  const found = await findTaughtClass({ viewerId: viewer.id, classroomId: id });
  if (!found) notFound();
  return (
    <div className="page">
      <h1>{found.name}</h1>
      {found.ltiContext ? <RosterSyncButton classroomId={found.id} syncedAt={found.ltiContext.rosterSyncedAt ? formatDate(found.ltiContext.rosterSyncedAt, getSchoolTimeZone(), "full") : null} /> : null}
      <ClassAdmin
        viewerId={viewer.id}
        classroom={{
          id: found.id,
          name: found.name,
          joinCode: found.joinCode,
          members: found.memberships.map((m) => ({ ...m.user, role: m.role, joinedAt: toIsoString(m.joinedAt) })),
          assignments: found.assignments.map((a) => ({
            id: a.id,
            dueAt: toIsoString(a.dueAt),
            slug: a.essay.slug,
            title: a.essay.title,
            isArchived: a.archivedAt !== null,
          })),
          invitations: found.invitations.map((i) => ({ ...i, expiresAt: toIsoString(i.expiresAt) })),
        }}
      />
    </div>
  );
}
