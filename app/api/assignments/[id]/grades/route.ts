import { apiRoute } from "@/lib/server/http/api-route";
import { findGradeBook } from "@/lib/server/grades/grade-book";

export const dynamic = "force-dynamic";

/** The assignment's grades and how sending them to the platform went (its class's teachers only). */
export const GET = apiRoute<{ id: string }>(async ({ viewer, params }) => findGradeBook({ viewerId: viewer.id, assignmentId: params.id }));
