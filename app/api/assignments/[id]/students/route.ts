import { apiRoute } from "@/lib/server/http/api-route";
import { findStudentTable } from "@/lib/server/review/find-student-table";

type Params = { id: string };

export const dynamic = "force-dynamic";

/** The per-student table of an assignment, as JSON (teachers of the class only; 404 for anyone else). */
export const GET = apiRoute<Params>(async ({ params, viewer }) => findStudentTable({ viewerId: viewer.id, assignmentId: params.id }));
