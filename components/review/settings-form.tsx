"use client";

import { useId, useState } from "react";
import type { ApiResult } from "@/components/ui/api-client";
import type { AssignmentSettingsDTO, HintVisibility, PeerFlagVisibility } from "@/lib/review/types";

const PEER_OPTIONS: readonly { value: PeerFlagVisibility; label: string }[] = [
  { value: "always", label: "Always" },
  { value: "after_own_flag", label: "After the student's own first flag" },
  { value: "after_due", label: "After the due date" },
];

const HINT_OPTIONS: readonly { value: HintVisibility; label: string }[] = [
  { value: "never", label: "Never" },
  { value: "after_due", label: "After the due date" },
  { value: "always", label: "Always" },
];

/** Props for SettingsForm. */
export interface SettingsFormProps {
  settings: AssignmentSettingsDTO;
  onSave: (next: AssignmentSettingsDTO) => Promise<ApiResult<unknown>>;
}

/**
 * When students see classmates' flags and the automatic hints. Native
 * selects with visible labels and a one-line explanation each; the result of
 * saving is announced in a status region.
 */
export function SettingsForm({ settings, onSave }: SettingsFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(settings);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const isChanged = draft.peerFlagVisibility !== settings.peerFlagVisibility || draft.hintVisibility !== settings.hintVisibility;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!isChanged) return setMessage({ text: "Nothing to save: these are the settings in force.", isError: false });
    setBusy(true);
    const res = await onSave(draft);
    setBusy(false);
    setMessage(res.ok ? { text: "Settings saved.", isError: false } : { text: res.message, isError: true });
  }

  return (
    <form className="review-settings" onSubmit={(e) => void submit(e)} aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="muted">
        Students find more on their own when they cannot see classmates&apos; flags or the hints straight away.
      </p>
      <div className="review-settings-fields">
        <div className="field">
          <label htmlFor={`${id}-peer`}>Students see classmates&apos; flags</label>
          <select
            id={`${id}-peer`}
            value={draft.peerFlagVisibility}
            aria-describedby={`${id}-peer-help`}
            onChange={(e) => setDraft({ ...draft, peerFlagVisibility: e.target.value as PeerFlagVisibility })}
          >
            {PEER_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <span id={`${id}-peer-help`} className="review-field-help">
            You always see every flag that is not private.
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-hints`}>Students see automatic hints</label>
          <select
            id={`${id}-hints`}
            value={draft.hintVisibility}
            aria-describedby={`${id}-hints-help`}
            onChange={(e) => setDraft({ ...draft, hintVisibility: e.target.value as HintVisibility })}
          >
            {HINT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <span id={`${id}-hints-help`} className="review-field-help">
            Until then students do not learn that hints exist.
          </span>
        </div>
      </div>
      <div className="review-actions">
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? "Saving…" : "Save settings"}
        </button>
        <p role="status" className={message?.isError ? "form-error" : "review-status"}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}
