import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PickerView } from "@/components/lti/picker-view";
import { getSchoolTimeZone } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { aWeekFromToday, formatDate } from "@/lib/format/dates";
import { listAssignableEssays } from "@/lib/server/assignments/assignable-essays";
import { requireViewer } from "@/lib/server/auth/viewer";
import { safePageValues } from "@/lib/server/http/route-params";
import { findPickerLaunch } from "@/lib/server/lti/deep-linking";

export const metadata: Metadata = { title: "Choose an assignment" };

/**
 * Where a launch that needs a choice lands, inside the platform's frame: a
 * teacher picks an assignment of the course's class, or makes one, for the
 * platform's "add external tool" dialog (deep linking) or for a course link
 * that opens nothing yet; a student is told the link is not ready.
 */
export default async function DeepLinkPage({ searchParams }: { searchParams: Promise<{ launch?: string }> }) {
  const { launch = "" } = await safePageValues(searchParams);
  const viewer = await requireViewer(`/lti/deep-link?launch=${encodeURIComponent(launch)}`);
  const picker = await findPickerLaunch({ viewerId: viewer.id, launchId: launch }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  if (!picker) notFound();
  const timeZone = getSchoolTimeZone();
  const essays = picker.mode === "waiting" ? [] : await listAssignableEssays({ viewerId: viewer.id });
  return (
    <div className="narrow-page wide">
      <PickerView
        picker={{ ...picker, assignments: picker.assignments.map((a) => ({ id: a.id, title: a.title, due: formatDate(a.dueAt, timeZone, "due") })) }}
        essays={essays}
        defaultDue={aWeekFromToday(timeZone)}
      />
    </div>
  );
}
