import { evidenceSourceLabel } from "@/lib/format/hint-labels";
import "./hint-evidence.css";
import type { HintEvidenceDTO } from "@/lib/review/types";

/**
 * Why a hint was given: the other spelling and where it stands, the run of
 * years, the glossary entry. A person should be able to check a hint against
 * its evidence before acting on it. With `onOpen`, evidence that stands in
 * the text gets a button that shows that passage in the reader.
 */
export function HintEvidence({ evidence, onOpen }: { evidence: readonly HintEvidenceDTO[]; onOpen?: (start: number) => void }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="hint-evidence" aria-label="Why this hint">
      {evidence.map((e, i) => (
        <li key={i}>
          <span className="muted">{evidenceSourceLabel(e.source)}: </span>
          {e.note}
          {onOpen && e.span ? (
            <>
              {" "}
              <button type="button" className="button button-quiet button-small" onClick={() => onOpen(e.span!.start)}>
                Show “{(e.quote ?? "").slice(0, 40)}”
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
