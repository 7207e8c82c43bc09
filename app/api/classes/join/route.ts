import { z } from "zod";
import { apiRoute, parseInput } from "@/lib/server/http/api-route";
import { joinClassByCode } from "@/lib/server/classes/class-writes";
import { joinCodeSchema } from "@/lib/validation/classes";

export const dynamic = "force-dynamic";

/** A signed-in student joins a class with its code; a wrong or renewed code is refused (422), too many of them 429. */
export const POST = apiRoute(async ({ req, viewer, json }) => {
  const { code } = parseInput(z.object({ code: joinCodeSchema }), json);
  const classroom = await joinClassByCode({ userId: viewer.id, code, headers: req.headers });
  return { class: { id: classroom.id, name: classroom.name } };
});
