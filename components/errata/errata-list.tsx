import type { EvidenceDTO } from "@/lib/annotations/types";
import { citationParts, describeSkip, safeEvidenceUrl } from "@/lib/errata/format-erratum";
import { splitTranscriptionErrata } from "@/lib/errata/transcription-errata";
import type { ErratumEntry } from "@/lib/errata/types";

/** Evidence links come from students: no referrer, no ranking credit, marked as user content. */
const EVIDENCE_REL = "noopener noreferrer nofollow ugc";

function Evidence({ evidence }: { evidence: EvidenceDTO }) {
  const parts = citationParts(evidence);
  // Checked again here: the props may not have come through findErrata.
  const url = safeEvidenceUrl(evidence.url);
  const quote = evidence.quote.trim();
  return (
    <li>
      {parts.join(", ")}
      {url ? (
        <>
          {parts.length > 0 ? ", " : null}
          <a href={url} rel={EVIDENCE_REL} target="_blank" className="erratum-link">
            {url}
          </a>
        </>
      ) : null}
      {quote ? (
        <>
          {parts.length > 0 || url ? ", " : null}
          <q>{quote}</q>
        </>
      ) : null}
    </li>
  );
}

function Change({ entry }: { entry: ErratumEntry }) {
  return (
    <p className="erratum-change">
      {entry.original === "" ? <span className="muted">(nothing)</span> : <q className="erratum-original">{entry.original}</q>}
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> should read </span>
      {entry.correction === "" ? <span className="muted">(deleted)</span> : <q className="erratum-correction">{entry.correction}</q>}
    </p>
  );
}

function Entry({ entry }: { entry: ErratumEntry }) {
  return (
    <>
      <Change entry={entry} />
      <p className="erratum-meta">
        {entry.categoryLabel}
        {entry.finders.length > 0 ? ` · found by ${entry.finders.join(", ")}` : null}
      </p>
      {entry.evidence.length > 0 ? (
        <div className="erratum-evidence">
          <span className="erratum-evidence-label">Evidence:</span>
          <ul>
            {entry.evidence.map((e, i) => (
              <Evidence key={i} evidence={e} />
            ))}
          </ul>
        </div>
      ) : null}
      {entry.skip ? <p className="erratum-skip">{describeSkip(entry.skip)}</p> : null}
    </>
  );
}

/**
 * The numbered errata (each item is the target of the superscript numbers in
 * the "Changes" text) and, apart, the flags a later revision already fixed.
 * Errors in a scan's transcription (the OCR misread the picture) are not the
 * source's errors: they are listed on their own, after the source's.
 */
export function ErrataList({ errata: all, alreadyFixed: allFixed }: { errata: ErratumEntry[]; alreadyFixed: ErratumEntry[] }) {
  const { errata, alreadyFixed, transcription } = splitTranscriptionErrata({ errata: all, alreadyFixed: allFixed });
  return (
    <>
      {errata.length > 0 ? (
        <section className="errata-section" aria-labelledby="errata-heading">
          <h2 id="errata-heading">Errata</h2>
          <ol className="errata-list">
            {errata.map((entry) => {
              const number = entry.number ?? all.indexOf(entry) + 1;
              return (
                <li key={entry.id} id={`erratum-${number}`} value={number} className="erratum" tabIndex={-1}>
                  <Entry entry={entry} />
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
      {alreadyFixed.length > 0 ? (
        <section className="errata-section" aria-labelledby="fixed-heading">
          <h2 id="fixed-heading">Already fixed in the source</h2>
          <p className="muted">A later version of the source reads as these corrections, so the text above needs no change.</p>
          <ul className="errata-list errata-list-fixed">
            {alreadyFixed.map((entry) => (
              <li key={entry.id} className="erratum">
                <Entry entry={entry} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {transcription.length > 0 ? (
        <section className="errata-section" aria-labelledby="transcription-heading">
          <h2 id="transcription-heading">Transcription errors</h2>
          <p className="muted">
            The scan was misread here, not written wrong: these are corrections to the transcription, not to the source. Those
            marked “already fixed” are corrected in the reading&apos;s text.
          </p>
          <ul className="errata-list errata-list-transcription">
            {transcription.map((entry) => (
              <li key={entry.id} id={entry.number ? `erratum-${entry.number}` : undefined} className="erratum" tabIndex={-1}>
                {entry.number ? <span className="erratum-number">{entry.number}. </span> : null}
                {entry.outcome === "fixed_in_source" ? <span className="badge badge-ok">already fixed</span> : null}
                <Entry entry={entry} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
