import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrataView } from "@/components/errata/errata-view";
import { Provenance } from "@/components/reader/provenance";
import { AppError } from "@/lib/errors";
import { requireViewer } from "@/lib/server/auth/viewer";
import { findErrata } from "@/lib/server/errata/find-errata";
import { safePageValues } from "@/lib/server/http/route-params";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ assignment?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await safePageValues(params);
  return { title: `Errata: ${slug.replace(/-/g, " ")}` };
}

/** findErrata's not_found (not a member, unknown assignment, other essay) as null; anything else still throws. */
async function loadErrata(viewerId: string, assignmentId: string, slug: string) {
  try {
    return await findErrata({ viewerId, assignmentId, slug });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/**
 * The errata of one assignment's essay: `?assignment=<id>` names the class's
 * assignment, because which flags are verified (and visible) depends on it.
 * Not signed in: sign-in, then back here. No access: the same 404 as a
 * missing page.
 */
export default async function ErrataPage({ params, searchParams }: Props) {
  const { slug } = await safePageValues(params);
  const { assignment } = await safePageValues(searchParams);
  // A repeated parameter is not a valid address; treat it like a missing one.
  const assignmentId = typeof assignment === "string" && assignment !== "" ? assignment : undefined;
  const query = assignmentId ? `?assignment=${encodeURIComponent(assignmentId)}` : "";
  const path = `/essays/${encodeURIComponent(slug)}`;
  const viewer = await requireViewer(`${path}/errata${query}`);
  if (!assignmentId) notFound();
  const errata = await loadErrata(viewer.id, assignmentId, slug);
  if (!errata) notFound();

  return (
    <article className="errata-page" aria-labelledby="errata-title">
      <p className="errata-back">
        <Link href={`${path}${query}`}>← Back to the reader</Link>
      </p>
      <h1 id="errata-title">Errata: {errata.essay.meta.title}</h1>
      <p className="assignment-strip">
        {errata.assignment.className} · revision {errata.revision.number}
      </p>
      <Provenance meta={errata.essay.meta} />
      <ErrataView errata={errata} markdownHref={`${path}/errata/markdown${query}`} />
    </article>
  );
}
