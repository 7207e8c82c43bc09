import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClassAdmin } from "@/components/classes/class-admin";
import { GroupEditor } from "@/components/groups/group-editor";
import { HighlightCodeEditor } from "@/components/classes/highlight-code-editor";
import { loadClassCodes } from "@/lib/server/highlight-codes/find-highlight-codes";
import { RosterSyncButton } from "@/components/lti/roster-sync-button";
import { findClassGroups } from "@/lib/server/groups/find-groups";
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
  const [groups, codes] = await Promise.all([findClassGroups({ viewerId: viewer.id, classroomId: found.id }), loadClassCodes(found.id)]);
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
      <section aria-labelledby="groups-title" className="card group-section">
        <h2 id="groups-title">Small groups</h2>
        <p className="muted">
          The class&apos;s groups, for any assignment set to use them (on its review page). An assignment can also have groups of its own.
        </p>
        <GroupEditor set={groups} saveUrl={`/api/classes/${found.id}/groups`} />
      </section>
      <section aria-labelledby="codes-title" className="card">
        <h2 id="codes-title">Highlight codes</h2>
        <p className="muted">
          Codes such as claim, evidence, bias and question: students select words and press the code&apos;s key (1 to 9) to mark them. Each code
          has a colour safe for colour-blind readers and a shape, so it reads in greyscale too.
        </p>
        <HighlightCodeEditor classroomId={found.id} codes={codes} />
      </section>
    </div>
  );
}
