"use client";

import { useId } from "react";
import type { Scope } from "@/lib/annotations/types";
import { SCOPE_OPTIONS, toScope } from "@/lib/format/annotation-labels";

/** Props for ScopeSelect. */
export interface ScopeSelectProps {
  value: Scope;
  onChange: (scope: Scope) => void;
  /** Visible label; "Who can see this" by default. */
  label?: string;
  disabled?: boolean;
}

/** A labelled native <select> for who can see an annotation: keyboard and screen-reader support for free. */
export function ScopeSelect({ value, onChange, label = "Who can see this", disabled }: ScopeSelectProps) {
  const id = useId();
  return (
    <div className="field annotation-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => {
          const scope = toScope(event.target.value);
          if (scope) onChange(scope);
        }}
      >
        {SCOPE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
