import { apiRoute } from "@/lib/server/http/api-route";
import { releaseGrades } from "@/lib/server/grades/grade-book";

export const dynamic = "force-dynamic";

/** A teacher releases the grades: every student's goes to the platform's gradebook (queued, retried). */
export const POST = apiRoute<{ id: string }>(async ({ viewer, params }) => releaseGrades({ viewerId: viewer.id, assignmentId: params.id }));
