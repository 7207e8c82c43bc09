"use client";

/** A file reading's provenance as the forms hold it (lib/validation/source-reading's input). */
export interface SourceFields {
  title: string;
  author: string;
  source: string;
  sourceUrl: string;
  retrieved: string;
  notes: string;
  altText: string;
  isShared: boolean;
}

export const EMPTY_SOURCE_FIELDS: SourceFields = { title: "", author: "", source: "", sourceUrl: "", retrieved: "", notes: "", altText: "", isShared: false };

/**
 * The provenance boxes of a reading made from a file, the same when it is
 * uploaded and when it is edited afterwards; a picture also asks what it shows.
 */
export function SourceProvenanceFields({ fields, set, needsAltText }: { fields: SourceFields; set: (patch: Partial<SourceFields>) => void; needsAltText: boolean }) {
  const input = (name: Exclude<keyof SourceFields, "isShared" | "altText">, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="field">
      <span>{label}</span>
      <input value={fields[name]} onChange={(e) => set({ [name]: e.target.value })} {...extra} />
    </label>
  );
  return (
    <>
      {needsAltText ? (
        <label className="field">
          <span>What the picture shows (alt text, for those who cannot see it)</span>
          <textarea rows={2} maxLength={1000} required value={fields.altText} onChange={(e) => set({ altText: e.target.value })} />
        </label>
      ) : null}
      {input("title", "Title", { required: true, maxLength: 500 })}
      {input("author", "Author", { required: true, maxLength: 500 })}
      {input("source", "Source (where the document comes from)", { required: true, maxLength: 500 })}
      {input("sourceUrl", "Source link (optional, http or https)", { type: "url" })}
      {input("retrieved", "Retrieved on", { type: "date", required: true })}
      {input("notes", "Provenance notes (what was kept or changed)", { required: true, maxLength: 500 })}
      <label className="checkbox">
        <input type="checkbox" checked={fields.isShared} onChange={(e) => set({ isShared: e.target.checked })} /> Share with other teachers
        (otherwise only your classes see it)
      </label>
    </>
  );
}
