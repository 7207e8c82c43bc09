import { apiRoute } from "@/lib/server/http/api-route";
import { studentCsvFilename, studentTableCsv } from "@/lib/review/student-table";
import { findStudentTable } from "@/lib/server/review/find-student-table";

type Params = { id: string };

export const dynamic = "force-dynamic";

/**
 * The per-student table as a CSV download (teachers of the class only; 404
 * for anyone else): UTF-8 with a BOM, a header row, RFC 4180 quoting, and
 * cells that could run as spreadsheet formulas made inert.
 */
export const GET = apiRoute<Params>(async ({ params, viewer }) => {
  const table = await findStudentTable({ viewerId: viewer.id, assignmentId: params.id });
  return new Response(studentTableCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${studentCsvFilename(table.className, table.essaySlug)}"`,
      // Students' names and progress: never kept by shared caches.
      "Cache-Control": "private, no-store",
      Vary: "Cookie",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
