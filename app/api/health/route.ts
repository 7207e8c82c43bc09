import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip; 503 while the database is unreachable. */
export async function GET() {
  try {
    await db.$queryRaw`select 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, message: "The database is not reachable. Try again shortly." }, { status: 503 });
  }
}
