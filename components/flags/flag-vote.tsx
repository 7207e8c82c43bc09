"use client";

import { useId, useState } from "react";
import type { FlagDTO } from "@/lib/annotations/types";
import { checkVoteReason } from "@/lib/format/flag-form";

type Value = "agree" | "disagree";

/** Props for FlagVote. */
export interface FlagVoteProps {
  myVote: FlagDTO["myVote"];
  /** "Ana Petrova's flag", for the group's accessible name. */
  whose: string;
  onVote: (value: Value, reason: string) => Promise<string | null>;
  onClear: () => Promise<string | null>;
}

const SPOKEN: Record<Value, string> = { agree: "You agree with this flag.", disagree: "You disagree with this flag." };

/**
 * Agree / Disagree as toggle buttons (aria-pressed): pressing the other one
 * changes the vote, pressing the pressed one takes it back. The optional
 * reason goes with the vote and can be updated on its own.
 */
export function FlagVote({ myVote, whose, onVote, onClear }: FlagVoteProps) {
  const id = useId();
  const [reason, setReason] = useState(myVote?.reason ?? "");
  const [error, setError] = useState<string | null>(null);
  const [spoken, setSpoken] = useState("");
  const [isBusy, setBusy] = useState(false);
  // The reason field opens on demand: most votes come without one, and a card in a class's margin must stay short.
  const [reasonOpen, setReasonOpen] = useState<"initially" | "asked" | null>(myVote?.reason ? "initially" : null);
  const isReasonOpen = reasonOpen !== null;
  const current = myVote?.value ?? null;

  async function run(action: () => Promise<string | null>, done: string) {
    if (isBusy) return;
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (result) setError(result);
    else setSpoken(done);
  }

  function press(value: Value) {
    if (current === value) return void run(onClear, "Your vote was removed.");
    const checked = checkVoteReason(reason);
    if (!checked.ok) return setError(checked.message);
    void run(() => onVote(value, checked.reason), SPOKEN[value]);
  }

  function saveReason() {
    const checked = checkVoteReason(reason);
    if (!checked.ok) return setError(checked.message);
    if (current) void run(() => onVote(current, checked.reason), "Your reason was saved.");
  }

  const isReasonChanged = current !== null && reason.trim() !== (myVote?.reason ?? "");

  return (
    <div className="flag-vote" role="group" aria-label={`Your vote on ${whose}`}>
      <div className="flag-vote-buttons">
        {(["agree", "disagree"] as const).map((value) => (
          <button
            key={value}
            type="button"
            className={`button button-small flag-vote-${value}${current === value ? "" : " button-quiet"}`}
            aria-pressed={current === value}
            aria-disabled={isBusy}
            onClick={() => press(value)}
          >
            {value === "agree" ? "Agree" : "Disagree"}
          </button>
        ))}
        {isReasonOpen ? null : (
          <button type="button" className="button button-quiet button-small" onClick={() => setReasonOpen("asked")}>
            {current ? "Add a reason" : "Vote with a reason"}
          </button>
        )}
      </div>
      {isReasonOpen ? (
      <div className="field annotation-field">
        <label htmlFor={`${id}-reason`}>Reason for your vote (optional)</label>
        <input
          id={`${id}-reason`}
          type="text"
          value={reason}
          maxLength={500}
          autoComplete="off"
          // Asked for with its button: the field it opened is where the student goes next.
          autoFocus={reasonOpen === "asked"}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setReason(e.target.value)}
        />
        <span id={`${id}-hint`} className="annotation-field-hint">
          {current ? "You can change your vote or its reason at any time." : "Sent with your vote."}
        </span>
      </div>
      ) : null}
      {isReasonChanged ? (
        <button type="button" className="button button-quiet button-small" aria-disabled={isBusy} onClick={saveReason}>
          Save reason
        </button>
      ) : null}
      <p className="annotation-field-error" role="alert">
        {error}
      </p>
      <span className="visually-hidden" role="status">
        {spoken}
      </span>
    </div>
  );
}
