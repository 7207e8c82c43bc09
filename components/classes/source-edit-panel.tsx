"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { MAX_SOURCE_BYTES } from "@/lib/sources/limits";
import { SourceJobProgress } from "./source-reading-form";

/**
 * How a reading made from a file changes: a corrected file replaces the old
 * one (its text is read again, as a new revision), and a scan's OCR
 * transcription can be corrected by hand (a new revision too). Annotations
 * re-anchor after either, as after any edit.
 */
export function SourceEditPanel({ essayId, slug, isScan, revision, transcription }: { essayId: string; slug: string; isScan: boolean; revision: number; transcription: string }) {
  const router = useRouter();
  const [text, setText] = useState(transcription);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [isReplacing, setReplacing] = useState(false);

  if (isReplacing) return <SourceJobProgress essayId={essayId} slug={slug} />;

  return (
    <div className="stack">
      {isScan ? (
        <form
          className="stack"
          aria-labelledby="transcription-heading"
          onSubmit={async (event) => {
            event.preventDefault();
            const res = await callApi<{ newRevision: number | null }>("PATCH", `/api/readings/${essayId}/transcription`, { text, revision });
            if (!res.ok) return setMessage({ ok: false, text: res.message });
            setMessage({
              ok: true,
              text: res.data.newRevision ? `Saved as revision ${res.data.newRevision}; annotations were carried across.` : "Saved; the transcription is unchanged.",
            });
            router.refresh();
          }}
        >
          <h2 id="transcription-heading">Correct the transcription</h2>
          <p className="muted">
            The text was read from the scan by OCR. Correct what it misread, one paragraph per line; words keep their place on the
            picture.
          </p>
          <label className="field">
            <span>Transcription</span>
            <textarea rows={14} value={text} onChange={(e) => setText(e.target.value)} required />
          </label>
          {message ? (
            <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "form-error"}>
              {message.text}
            </p>
          ) : null}
          <button className="button" type="submit">
            Save the transcription
          </button>
        </form>
      ) : null}
      <form
        className="stack"
        aria-labelledby="replace-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!file) return setFileError("Choose a file to upload.");
          if (file.size > MAX_SOURCE_BYTES) return setFileError(`The file is larger than ${MAX_SOURCE_BYTES / (1024 * 1024)} MB.`);
          const body = new FormData();
          body.set("file", file);
          const res = await callApi("PUT", `/api/readings/${essayId}/source`, body);
          if (!res.ok) return setFileError(res.message);
          setReplacing(true);
        }}
      >
        <h2 id="replace-heading">Replace the file</h2>
        <p className="muted">A corrected edition of the document: its text is read again and becomes a new revision.</p>
        <label className="field">
          <span>Corrected file (PDF, JPEG, PNG or TIFF)</span>
          <input
            type="file"
            required
            accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        {fileError ? (
          <p role="alert" className="form-error">
            {fileError}
          </p>
        ) : null}
        <button className="button" type="submit">
          Upload and read the file
        </button>
      </form>
    </div>
  );
}
