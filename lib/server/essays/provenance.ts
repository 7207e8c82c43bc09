/**
 * A reading's provenance as the essay row keeps it: the one mapping from a
 * form (or a content file's front matter) to its columns, for text readings
 * and readings made from a file alike. Provenance changes in place; only the
 * text makes a revision.
 */
export function provenanceColumns(meta: { title: string; author: string; source: string; sourceUrl?: string | null; retrieved: string; notes: string }) {
  return {
    title: meta.title,
    author: meta.author,
    source: meta.source,
    sourceUrl: meta.sourceUrl || null,
    retrieved: meta.retrieved,
    notes: meta.notes,
  };
}
