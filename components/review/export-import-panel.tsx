"use client";

import { useId, useRef, useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { truncateText } from "@/lib/format/truncate-text";

/** What the import route answers (lib/server/export/import-annotations ImportSummary). */
export interface ImportResult {
  imported: number;
  replies: number;
  orphans: number;
  skippedDuplicates: number;
  unattachedReplies: number;
  orphanQuotes: string[];
}

/** Props for ExportImportPanel. */
export interface ExportImportPanelProps {
  assignmentId: string;
  /** Called after a successful import, to reload what it may have added. */
  onImported: () => Promise<void>;
}

/** The import route's own limit (app/api/assignments/[id]/import): checked here first to save the upload. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const QUOTE_CHARS = 80;

/**
 * Download the class's annotations as W3C Web Annotations (JSON-LD), and
 * import such a file (ours or another tool's) into this assignment. The
 * counts the server answers with are shown in a status region; problems
 * (unreadable file, invalid JSON, a rejected item) in an alert.
 */
export function ExportImportPanel({ assignmentId, onImported }: ExportImportPanelProps) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const base = `/api/assignments/${encodeURIComponent(assignmentId)}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (isBusy) return;
    const file = fileRef.current?.files?.[0];
    setResult(null);
    if (!file) return fail("Choose a .json or .jsonld file first.");
    if (file.size > MAX_IMPORT_BYTES) return fail("That file is over 5 MB, the most one import takes.");
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return fail("That file is not valid JSON. Choose a W3C Web Annotation file (.json or .jsonld).");
    }
    setBusy(true);
    setError(null);
    const res = await callApi<ImportResult>("POST", `${base}/import`, json);
    setBusy(false);
    if (!res.ok) return fail(res.message);
    setResult(res.data);
    await onImported();
  }

  function fail(message: string) {
    setError(message);
    fileRef.current?.focus();
  }

  return (
    <>
      <p>
        <a className="button button-small" href={`${base}/annotations.jsonld?download=1`} download>
          Download W3C JSON-LD
        </a>
      </p>
      <form className="review-add-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>Import annotations</h3>
        <div className="field">
          <label htmlFor={`${id}-file`}>W3C Web Annotation file (.json or .jsonld)</label>
          <input
            id={`${id}-file`}
            ref={fileRef}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            aria-describedby={`${id}-help`}
            aria-invalid={error ? true : undefined}
          />
          <span id={`${id}-help`} className="review-field-help">
            Our own download or another tool&apos;s export. Items already here are skipped; passages no longer in the text
            are reported, not imported.
          </span>
        </div>
        <div className="review-actions">
          <button type="submit" className="button button-small" aria-disabled={isBusy}>
            {isBusy ? "Importing…" : "Import"}
          </button>
        </div>
        <p className="form-error" role="alert">
          {error}
        </p>
        <div role="status">{result ? <ImportSummary result={result} /> : null}</div>
      </form>
    </>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  return (
    <>
      <p className="review-status">Import finished.</p>
      <dl className="review-facts">
        <div>
          <dt>Annotations imported</dt>
          <dd>{result.imported}</dd>
        </div>
        <div>
          <dt>Replies imported</dt>
          <dd>{result.replies}</dd>
        </div>
        <div>
          <dt>Skipped as duplicates</dt>
          <dd>{result.skippedDuplicates}</dd>
        </div>
        <div>
          <dt>Orphans (passage not found)</dt>
          <dd>{result.orphans}</dd>
        </div>
        {result.unattachedReplies > 0 ? (
          <div>
            <dt>Replies without their thread</dt>
            <dd>{result.unattachedReplies}</dd>
          </div>
        ) : null}
      </dl>
      {result.orphanQuotes.length > 0 ? (
        <>
          <p>Passages that could not be found in the current text:</p>
          <ul>
            {result.orphanQuotes.map((quote, i) => (
              <li key={i}>“{truncateText(quote, QUOTE_CHARS)}”</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
