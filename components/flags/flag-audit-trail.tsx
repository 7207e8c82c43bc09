"use client";

import { RelativeTime } from "@/components/annotations/relative-time";
import type { AuditEntryDTO } from "@/lib/annotations/types";
import { describeAuditEntry } from "@/lib/format/flag-labels";

/** Props for FlagAuditTrail. */
export interface FlagAuditTrailProps {
  audit: readonly AuditEntryDTO[];
}

/**
 * Who changed the flag, when, from what to what, and why, folded in a native
 * <details> so it is there for anyone who asks without crowding the card.
 */
export function FlagAuditTrail({ audit }: FlagAuditTrailProps) {
  if (audit.length === 0) return null;
  return (
    <details className="flag-audit">
      <summary>History ({audit.length})</summary>
      <ol className="flag-audit-list">
        {audit.map((entry, i) => {
          const line = describeAuditEntry(entry);
          return (
            <li key={`${entry.at}-${i}`}>
              <RelativeTime iso={entry.at} className="flag-audit-time" />
              <span aria-hidden="true"> · </span>
              <span className="visually-hidden">, </span>
              <strong>{line.who}</strong> {line.what}
              {line.change ? <span className="flag-audit-change">: {line.change}</span> : null}
              {line.why ? <span className="flag-audit-why"> — “{line.why}”</span> : null}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
