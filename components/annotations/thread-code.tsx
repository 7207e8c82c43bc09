"use client";

import { useId, useState } from "react";
import { codeKey, describeCode } from "@/lib/annotations/highlight-codes";
import type { AnnotationDTO } from "@/lib/annotations/types";
import type { AnnotationPatch } from "@/lib/format/edit-patch";
import { CodeSwatch } from "./code-swatch";
import { useHighlightCodes } from "./highlight-codes-context";

interface Props {
  annotation: AnnotationDTO;
  /** The author may change or clear the code; everyone else reads it. */
  canChange: boolean;
  onEdit: (annotation: AnnotationDTO, patch: AnnotationPatch) => Promise<string | null | void>;
}

/**
 * A thread's highlight code: its shape, colour and name, and for its author
 * a list to change or clear it (flags are not coded). Nothing when the class
 * has no codes and the thread has none.
 */
export function ThreadCode({ annotation: a, canChange, onEdit }: Props) {
  const { codes, byId } = useHighlightCodes();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const code = a.codeId ? byId.get(a.codeId) : undefined;
  if (a.kind === "flag" || a.isDeleted || (!code && (!canChange || codes.length === 0))) return null;

  if (!canChange) {
    return code ? (
      <p className="thread-code">
        <CodeSwatch code={code} /> <span>Code: {describeCode(code)}</span>
      </p>
    ) : null;
  }
  return (
    <div className="thread-code">
      {code ? <CodeSwatch code={code} /> : null}
      <label htmlFor={id}>Code</label>
      <select
        id={id}
        value={code?.id ?? ""}
        disabled={isSaving}
        onChange={async (e) => {
          setSaving(true);
          setError(null);
          const message = await onEdit(a, { codeId: e.target.value || null });
          setSaving(false);
          if (message) setError(message);
        }}
      >
        <option value="">No code</option>
        {codes.map((c) => (
          <option key={c.id} value={c.id}>
            {codeKey(c)} · {describeCode(c)}
          </option>
        ))}
      </select>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
