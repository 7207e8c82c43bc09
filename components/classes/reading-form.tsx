"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";
import type { GlossaryFields } from "@/lib/validation/glossary-form";

export interface ReadingFields {
  title: string;
  author: string;
  source: string;
  sourceUrl: string;
  retrieved: string;
  notes: string;
  text: string;
  format: "md" | "txt";
  isShared: boolean;
  /** The optional glossary the hints check against (lib/validation/glossary-form). */
  glossary: GlossaryFields;
}

/** Paste a text or upload a .md/.txt file, with its provenance; also edits an existing reading. */
export function ReadingForm({ initial, essayId }: { initial: ReadingFields; essayId?: string }) {
  const router = useRouter();
  const [fields, setFields] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (patch: Partial<ReadingFields>) => setFields((f) => ({ ...f, ...patch }));
  const setGlossary = (patch: Partial<GlossaryFields>) => setFields((f) => ({ ...f, glossary: { ...f.glossary, ...patch } }));

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 1_000_000) return setMessage({ ok: false, text: "That file is larger than 1 MB." });
    const text = await file.text();
    set({ text, format: file.name.toLowerCase().endsWith(".txt") ? "txt" : "md", title: fields.title || file.name.replace(/\.(md|txt)$/i, "") });
  };

  const text = (name: keyof ReadingFields, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="field">
      <span>{label}</span>
      <input value={String(fields[name])} onChange={(e) => set({ [name]: e.target.value })} {...extra} />
    </label>
  );

  return (
    <form
      className="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const res = essayId
          ? await callApi<{ newRevision: number | null; isGlossaryChanged: boolean }>("PATCH", `/api/readings/${essayId}`, fields)
          : await callApi<{ essay: { slug: string } }>("POST", "/api/readings", fields);
        if (!res.ok) return setMessage({ ok: false, text: res.message });
        if (!essayId) return router.push(`/essays/${(res.data as { essay: { slug: string } }).essay.slug}`);
        const { newRevision: revision, isGlossaryChanged } = res.data as { newRevision: number | null; isGlossaryChanged: boolean };
        const unchanged = isGlossaryChanged ? "Saved; the text is unchanged and the glossary is updated." : "Saved; the text is unchanged.";
        setMessage({ ok: true, text: revision ? `Saved as revision ${revision}; annotations were carried across.` : unchanged });
        router.refresh();
      }}
    >
      {text("title", "Title", { required: true, maxLength: 500 })}
      {text("author", "Author", { required: true, maxLength: 500 })}
      {text("source", "Source (where the text comes from)", { required: true, maxLength: 500 })}
      {text("sourceUrl", "Source link (optional, http or https)", { type: "url" })}
      {text("retrieved", "Retrieved on", { type: "date", required: true })}
      {text("notes", "Provenance notes (what was kept or changed)", { required: true, maxLength: 500 })}
      <label className="field">
        <span>Upload a .md or .txt file</span>
        <input type="file" accept=".md,.txt,text/markdown,text/plain" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      <label className="field">
        <span>Text (Markdown: # headings, - bullets, &gt; quotes; or plain paragraphs)</span>
        <textarea rows={14} value={fields.text} onChange={(e) => set({ text: e.target.value })} required />
      </label>
      <label className="field">
        <span>The text is</span>
        <select value={fields.format} onChange={(e) => set({ format: e.target.value as "md" | "txt" })}>
          <option value="md">Markdown</option>
          <option value="txt">Plain text</option>
        </select>
      </label>
      <fieldset className="stack">
        <legend>Glossary (optional): the automatic hints check the text against it</legend>
        <label className="field">
          <span>Period from (year)</span>
          <input inputMode="numeric" value={fields.glossary.periodStart} onChange={(e) => setGlossary({ periodStart: e.target.value })} />
        </label>
        <label className="field">
          <span>Period to (year)</span>
          <input inputMode="numeric" value={fields.glossary.periodEnd} onChange={(e) => setGlossary({ periodEnd: e.target.value })} />
        </label>
        <label className="field">
          <span>Key terms, one per line, spelled as students should spell them</span>
          <textarea rows={4} value={fields.glossary.terms} onChange={(e) => setGlossary({ terms: e.target.value })} />
        </label>
        <label className="field">
          <span>People, one per line: “Joseph Stalin, 1878–1953, in office 1924–1953” (years optional)</span>
          <textarea rows={4} value={fields.glossary.people} onChange={(e) => setGlossary({ people: e.target.value })} />
        </label>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={fields.isShared} onChange={(e) => set({ isShared: e.target.checked })} /> Share with other teachers
        (otherwise only your classes see it)
      </label>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "form-error"}>
          {message.text}
        </p>
      ) : null}
      <button className="button" type="submit">
        {essayId ? "Save changes" : "Add reading"}
      </button>
    </form>
  );
}
