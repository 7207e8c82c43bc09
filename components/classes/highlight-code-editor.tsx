"use client";

import { useId, useState } from "react";
import { CodeSwatch } from "@/components/annotations/code-swatch";
import { callApi } from "@/components/ui/api-client";
import {
  CODE_COLOURS,
  CODE_CUES,
  DEFAULT_CODES,
  MAX_CODE_LABEL,
  MAX_CODES,
  nextCodeLook,
  type CodeColourKey,
  type CodeCueKey,
  type HighlightCodeDTO,
} from "@/lib/annotations/highlight-codes";
import "./highlight-code-editor.css";

type Draft = { id?: string; key: string; label: string; colour: CodeColourKey; cue: CodeCueKey };

const draftOf = (codes: readonly HighlightCodeDTO[]): Draft[] => codes.map((c) => ({ id: c.id, key: c.id, label: c.label, colour: c.colour, cue: c.cue }));

/**
 * The teacher's editor for a class's highlight codes: add (up to nine, one per
 * key), rename, recolour, reshape, reorder (the order is the keys 1–9) and
 * remove, then save the whole list; or one click for the default set.
 * Removing a code leaves its highlights as plain highlights, which the
 * status line says after saving.
 */
export function HighlightCodeEditor({ classroomId, codes: initial }: { classroomId: string; codes: HighlightCodeDTO[] }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft[]>(() => draftOf(initial));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function save(codes: readonly Omit<Draft, "key">[], done: string) {
    if (busy) return;
    setBusy(true);
    const body = { codes: codes.map(({ id: codeId, label, colour, cue }) => ({ ...(codeId ? { id: codeId } : {}), label, colour, cue })) };
    const res = await callApi<{ codes: HighlightCodeDTO[]; uncoded: number }>("PUT", `/api/classes/${classroomId}/highlight-codes`, body);
    setBusy(false);
    if (!res.ok) return setMessage({ text: res.message, isError: true });
    setDraft(draftOf(res.data.codes));
    const uncoded = res.data.uncoded;
    setMessage({ text: `${done}${uncoded > 0 ? ` ${uncoded} highlight${uncoded === 1 ? "" : "s"} of removed codes are plain highlights now.` : ""}`, isError: false });
  }

  const change = (index: number, patch: Partial<Draft>) => setDraft((d) => d.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const move = (index: number, by: number) =>
    setDraft((d) => {
      const next = [...d];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  const add = () => setDraft((d) => [...d, { key: crypto.randomUUID(), label: "", ...nextCodeLook(d) }]);

  return (
    <div className="code-editor">
      {draft.length === 0 ? (
        <p>
          <button type="button" className="button" disabled={busy} onClick={() => save(DEFAULT_CODES, "The default codes are saved.")}>
            Use the default codes: {DEFAULT_CODES.map((c) => c.label).join(", ")}
          </button>
        </p>
      ) : null}
      <ol className="code-editor-list">
        {draft.map((code, index) => (
          <li key={code.key}>
            <fieldset>
              <legend>
                <CodeSwatch code={code} /> Key {index + 1}
              </legend>
              <label>
                <span>Name</span>
                <input value={code.label} maxLength={MAX_CODE_LABEL} required onChange={(e) => change(index, { label: e.target.value })} />
              </label>
              <label>
                <span>Colour</span>
                <select value={code.colour} onChange={(e) => change(index, { colour: e.target.value as CodeColourKey })}>
                  {CODE_COLOURS.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>Shape</span>
                <select value={code.cue} onChange={(e) => change(index, { cue: e.target.value as CodeCueKey })}>
                  {CODE_CUES.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.glyph} {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <div className="code-editor-actions">
                <button type="button" className="button button-small button-quiet" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${code.label || `code ${index + 1}`} up`}>
                  Up
                </button>
                <button type="button" className="button button-small button-quiet" disabled={index === draft.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${code.label || `code ${index + 1}`} down`}>
                  Down
                </button>
                <button type="button" className="button button-small button-quiet" onClick={() => setDraft((d) => d.filter((_, i) => i !== index))} aria-label={`Remove ${code.label || `code ${index + 1}`}`}>
                  Remove
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="code-editor-buttons">
        <button type="button" className="button button-quiet" disabled={draft.length >= MAX_CODES} onClick={add}>
          Add a code
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => save(draft, "Codes saved. Open readers reload with them.")} aria-describedby={`${id}-note`}>
          Save codes
        </button>
        <span id={`${id}-note`} className="muted">
          {draft.length >= MAX_CODES ? `A class has at most ${MAX_CODES} codes, one per key.` : "The order gives each code its key, 1 to 9."}
        </span>
      </p>
      {message ? (
        <p role={message.isError ? "alert" : "status"} className={message.isError ? "form-error" : "muted"}>
          {message.text}
        </p>
      ) : (
        <p role="status" className="visually-hidden" />
      )}
    </div>
  );
}
