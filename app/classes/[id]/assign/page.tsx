import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignForm } from "@/components/classes/assign-form";
import { listAssignableEssays } from "@/lib/server/assignments/assignable-essays";
import { requireViewer } from "@/lib/server/auth/viewer";
import { findTaughtClass } from "@/lib/server/classes/find-classes";
import { safePageValues } from "@/lib/server/http/route-params";
import { getSchoolTimeZone } from "@/lib/env";
import { aWeekFromToday } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Assign a reading" };

export default async function AssignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await safePageValues(params);
  const viewer = await requireViewer(`/classes/${id}/assign`);
  const found = await findTaughtClass({ viewerId: viewer.id, classroomId: id });
  if (!found) notFound();
  const essays = await listAssignableEssays({ viewerId: viewer.id });
  const defaultDue = aWeekFromToday(getSchoolTimeZone());
  return (
    <div className="narrow-page wide">
      <h1>Assign a reading to {found.name}</h1>
      <AssignForm classroomId={id} essays={essays} defaultDue={defaultDue} />
    </div>
  );
}
