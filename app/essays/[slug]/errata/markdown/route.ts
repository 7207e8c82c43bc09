import { getSchoolTimeZone } from "@/lib/env";
import { errataToMarkdown } from "@/lib/errata/errata-markdown";
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/server/http/api-route";
import { findErrata } from "@/lib/server/errata/find-errata";

type Params = { slug: string };

export const dynamic = "force-dynamic";

/** Slugs are kebab-case already; this keeps the header valid even if one is not. */
function fileNameOf(slug: string): string {
  return `${slug.replace(/[^\w.-]+/g, "-") || "essay"}-errata.md`;
}

/**
 * GET /essays/:slug/errata/markdown?assignment=<id>: the errata as a Markdown
 * download. apiRoute answers 401 (JSON) when signed out; an assignment the
 * viewer is not in, or one for another essay, is the same 404 as a missing one.
 */
export const GET = apiRoute<Params>(async ({ req, params, viewer }) => {
  const assignmentId = new URL(req.url).searchParams.getAll("assignment");
  // Exactly one assignment: a repeated parameter is as unknown as a missing one.
  if (assignmentId.length !== 1 || assignmentId[0] === "") throw notFound("That assignment");
  const errata = await findErrata({ viewerId: viewer.id, assignmentId: assignmentId[0], slug: params.slug });
  return new Response(errataToMarkdown(errata, { generatedAt: new Date(), timeZone: getSchoolTimeZone() }), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileNameOf(errata.essay.slug)}"`,
      // Built from what this viewer may see: never shared by a cache.
      "Cache-Control": "private, no-store",
    },
  });
});
