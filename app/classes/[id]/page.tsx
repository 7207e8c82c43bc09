import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClassAdmin } from "@/components/classes/class-admin";
import { requireViewer } from "@/lib/server/auth/viewer";
import { findTaughtClass } from "@/lib/server/classes/find-classes";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/classes/${id}`);
  const found = await findTaughtClass({ viewerId: viewer.id, classroomId: id });
  if (!found) notFound();
  return (
    <div className="page">
      <h1>{found.name}</h1>
      <ClassAdmin
        viewerId={viewer.id}
        classroom={{
          id: found.id,
          name: found.name,
          joinCode: found.joinCode,
          members: found.memberships.map((m) => ({ ...m.user, role: m.role, joinedAt: m.joinedAt.toISOString() })),
          assignments: found.assignments.map((a) => ({
            id: a.id,
            dueAt: a.dueAt.toISOString(),
            slug: a.essay.slug,
            title: a.essay.title,
            isArchived: a.archivedAt !== null,
          })),
          invitations: found.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
        }}
      />
    </div>
  );
}
