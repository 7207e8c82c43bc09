"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { MAX_SOURCE_BYTES } from "@/lib/sources/limits";
import { EMPTY_SOURCE_FIELDS, SourceProvenanceFields, type SourceFields } from "./source-provenance-fields";

/** What GET /api/readings/:id/source answers (lib/server/sources/add-source-reading.ts). */
interface JobStatus {
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  stage: string | null;
  message: string | null;
}

const isPdf = (file: File | null) => Boolean(file && (file.type === "application/pdf" || /\.pdf$/i.test(file.name)));

/**
 * Adds a reading from a PDF, a scan or a photograph of a document: the file
 * with its provenance (and, for a picture, what it shows). The server reads
 * the PDF's text or transcribes the picture in a background job; this form
 * then follows that job and opens the reading when its text is ready.
 */
export function SourceReadingForm({ isPicture = false }: { isPicture?: boolean }) {
  const [fields, setFields] = useState(EMPTY_SOURCE_FIELDS);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const [started, setStarted] = useState<{ id: string; slug: string } | null>(null);
  const set = (patch: Partial<SourceFields>) => setFields((f) => ({ ...f, ...patch }));
  const needsAltText = isPicture || (file !== null && !isPdf(file));

  if (started) return <SourceJobProgress essayId={started.id} slug={started.slug} />;

  return (
    <form
      className="stack"
      aria-label={isPicture ? "Add a picture to annotate" : "Add a reading from a PDF, scan or photograph"}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!file) return setError("Choose a file to upload.");
        if (file.size > MAX_SOURCE_BYTES) return setError(`The file is larger than ${MAX_SOURCE_BYTES / (1024 * 1024)} MB.`);
        const body = new FormData();
        body.set("meta", JSON.stringify({ ...fields, pictureUse: isPicture ? "annotate" : "transcribe" }));
        body.set("file", file);
        setSending(true);
        setError(null);
        const res = await callApi<{ essay: { id: string; slug: string } }>("POST", "/api/readings/sources", body);
        setSending(false);
        if (!res.ok) return setError(res.message);
        setStarted(res.data.essay);
      }}
    >
      <label className="field">
        <span>
          {isPicture
            ? `The picture (JPEG, PNG, TIFF), up to ${MAX_SOURCE_BYTES / (1024 * 1024)} MB: the class marks regions on it; nothing is transcribed`
            : `File: a PDF, or a scan or photograph of a document (JPEG, PNG, TIFF), up to ${MAX_SOURCE_BYTES / (1024 * 1024)} MB`}
        </span>
        <input
          type="file"
          required
          accept={isPicture ? ".png,.jpg,.jpeg,.tif,.tiff,image/png,image/jpeg,image/tiff" : ".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff"}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            if (chosen && !fields.title) set({ title: chosen.name.replace(/\.(pdf|png|jpe?g|tiff?)$/i, "") });
          }}
        />
      </label>
      <SourceProvenanceFields fields={fields} set={set} needsAltText={needsAltText} />
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <button className="button" type="submit" disabled={isSending}>
        {isSending ? "Uploading…" : isPicture ? "Upload the picture" : "Upload and read the file"}
      </button>
    </form>
  );
}

/**
 * The progress of a reading's extraction or OCR, read every second; opens the
 * reading when its text is ready, or says why the file was refused.
 */
export function SourceJobProgress({ essayId, slug }: { essayId: string; slug: string }) {
  const router = useRouter();
  const [job, setJob] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const res = await callApi<{ job: JobStatus }>("GET", `/api/readings/${essayId}/source`);
      if (!live) return;
      if (!res.ok) setError(res.message);
      else {
        setJob(res.data.job);
        setError(null);
        if (res.data.job.status === "done") return router.push(`/essays/${slug}`);
        if (res.data.job.status === "failed") return;
      }
      timer = setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [essayId, slug, router]);

  if (job?.status === "failed") {
    return (
      <div className="stack">
        <p role="alert" className="form-error">
          {job.message ?? "The file could not be read."}
        </p>
        <p>
          <a href="/readings/new">Add another file</a>
        </p>
      </div>
    );
  }
  const percent = Math.round(job?.progress ?? 0);
  return (
    <div className="stack" role="status" aria-live="polite">
      <p>
        {job?.status === "done" ? "The text is ready. Opening the reading…" : `Reading the file: ${job?.stage ?? "waiting for a free worker"}.`}
      </p>
      <label className="field">
        <span>Progress</span>
        <progress max={100} value={percent}>
          {percent}%
        </progress>
      </label>
      {error ? <p className="form-error">{error}</p> : null}
      <p className="muted">You can leave this page: the work goes on, and the reading can be assigned once its text is ready.</p>
    </div>
  );
}
