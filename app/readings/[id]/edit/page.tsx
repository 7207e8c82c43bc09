import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReadingForm } from "@/components/classes/reading-form";
import { SourceDetailsForm } from "@/components/classes/source-details-form";
import { SourceEditPanel } from "@/components/classes/source-edit-panel";
import { SourceJobProgress } from "@/components/classes/source-reading-form";
import { needsAltText } from "@/lib/sources/limits";
import { requireViewer } from "@/lib/server/auth/viewer";
import { findOwnReading } from "@/lib/server/essays/reading-writes";
import { safePageValues } from "@/lib/server/http/route-params";
import { readStoredGlossary } from "@/lib/validation/glossary";
import { glossaryToFields } from "@/lib/validation/glossary-form";

export const metadata: Metadata = { title: "Edit a reading" };

export default async function EditReadingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await safePageValues(params);
  const viewer = await requireViewer(`/readings/${id}/edit`);
  const essay = await findOwnReading({ viewerId: viewer.id, essayId: id });
  if (!essay) notFound();
  const latest = essay.revisions[0];
  if (essay.sourceKind !== "text") {
    // A reading made from a file: a corrected file, or (a scan) a corrected transcription, one paragraph per line.
    return (
      <div className="narrow-page wide">
        <h1>Edit “{essay.title}”</h1>
        <p className="muted">{latest ? `Revision ${latest.number}.` : "The file is still being read."} Annotations move with their passages.</p>
        <SourceDetailsForm
          essayId={essay.id}
          isPicture={needsAltText(essay.sourceFiles[0]?.mediaType ?? "application/pdf")}
          initial={{
            title: essay.title,
            author: essay.author,
            source: essay.source,
            sourceUrl: essay.sourceUrl ?? "",
            retrieved: essay.retrieved,
            notes: essay.notes,
            altText: essay.altText ?? "",
            isShared: essay.isShared,
          }}
        />
        {latest && essay.sourceKind === "image" ? (
          <p>The class marks regions on this very picture, so it cannot be replaced: add a new picture as a reading of its own.</p>
        ) : latest ? (
          <SourceEditPanel
            essayId={essay.id}
            slug={essay.slug}
            isScan={essay.sourceKind === "scan"}
            revision={latest.number}
            transcription={transcriptionLines(latest.text, latest.blocks)}
          />
        ) : (
          <SourceJobProgress essayId={essay.id} slug={essay.slug} />
        )}
      </div>
    );
  }
  return (
    <div className="narrow-page wide">
      <h1>Edit “{essay.title}”</h1>
      <p className="muted">
        Revision {essay.revisions[0]?.number}. Saving changed text makes a new revision; annotations move with their passages.
      </p>
      <ReadingForm
        essayId={essay.id}
        initial={{
          title: essay.title,
          author: essay.author,
          source: essay.source,
          sourceUrl: essay.sourceUrl ?? "",
          retrieved: essay.retrieved,
          notes: essay.notes,
          text: blocksToMarkdown(essay.revisions[0]?.text ?? "", essay.revisions[0]?.blocks),
          format: onlyParagraphs(essay.revisions[0]?.blocks) ? "txt" : "md",
          isShared: essay.isShared,
          glossary: glossaryToFields(readStoredGlossary(essay.revisions[0]?.glossary ?? null)),
        }}
      />
    </div>
  );
}

/**
 * A reading of paragraphs alone is edited as plain text, so that a paragraph
 * such as "-40 degrees" does not turn into a bullet when it is saved again.
 */
function onlyParagraphs(blocks: unknown): boolean {
  return ((blocks as { type: string }[] | undefined) ?? []).every((b) => b.type === "paragraph");
}

/** The stored revision back as Markdown, so editing starts from the current text. */
function blocksToMarkdown(text: string, blocks: unknown): string {
  const list = (blocks as { type: string; level?: number; start: number; end: number }[] | undefined) ?? [];
  return list
    .map((b) => {
      const words = text.slice(b.start, b.end);
      if (b.type === "heading") return `${"#".repeat(b.level ?? 2)} ${words}`;
      if (b.type === "listItem") return `- ${words}`;
      if (b.type === "quote") return `> ${words}`;
      return words;
    })
    .join("\n\n");
}

/** A transcription as the teacher corrects it: one paragraph per line (lib/sources/revise-transcription). */
function transcriptionLines(text: string, blocks: unknown): string {
  const list = (blocks as { start: number; end: number }[] | undefined) ?? [];
  return list.map((b) => text.slice(b.start, b.end)).join("\n");
}
