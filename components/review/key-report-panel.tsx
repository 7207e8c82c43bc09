import { flagCategoryName, flagStatusLabel } from "@/lib/format/flag-labels";
import { correctionText } from "@/lib/format/hint-labels";
import { truncateText } from "@/lib/format/truncate-text";
import type { KeyReportDTO } from "@/lib/review/types";
import { FinderList } from "./finder-list";

/** Props for KeyReportPanel. */
export interface KeyReportPanelProps {
  report: KeyReportDTO;
}

const QUOTE_CHARS = 60;

/**
 * "Who found what": finders per key entry, a per-student table of found,
 * partly found and missed entries, and students' flags outside the key
 * (new discoveries or mistakes) with links to read them in context.
 */
export function KeyReportPanel({ report }: KeyReportPanelProps) {
  const { entries, students, outside, unplacedFlagCount } = report;
  return (
    <>
      <h3>By entry</h3>
      {entries.length === 0 ? (
        <p className="muted">Add entries to the answer key to see who found them.</p>
      ) : (
        <ol className="review-list review-list-compact" aria-label="Finders per entry">
          {entries.map(({ entry, found, partial, isPlaced, fixedInSource }) => (
            <li key={entry.id} className="review-card">
              <p className="review-card-heading">
                “{truncateText(entry.quote.exact, QUOTE_CHARS)}”{" "}
                <span className="review-badge">{flagCategoryName(entry.category)}</span>
              </p>
              <FinderList found={found} partial={partial} isPlaced={isPlaced} isFixedInSource={fixedInSource} />
            </li>
          ))}
        </ol>
      )}

      <h3>By student</h3>
      {students.length === 0 ? (
        <p className="muted">This class has no students yet.</p>
      ) : (
        <div className="review-table-wrap">
          <table className="review-table">
            <caption className="visually-hidden">Key entries each student found, partly found and missed</caption>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Found</th>
                <th scope="col">Right place, other category</th>
                <th scope="col">Missed</th>
                <th scope="col">Flags outside the key</th>
              </tr>
            </thead>
            <tbody>
              {students.map((s) => (
                <tr key={s.student.id}>
                  <th scope="row">{s.student.name}</th>
                  <td>{s.found}</td>
                  <td>{s.partial}</td>
                  <td>{s.missed}</td>
                  <td>{s.outside}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Flags outside the key</h3>
      <p className="muted">Possible discoveries you did not expect, or mistaken flags: worth a look either way.</p>
      {outside.length === 0 ? (
        <p className="muted">None: every student flag touches an entry in the key.</p>
      ) : (
        <ul className="review-list review-list-compact" aria-label="Flags outside the key">
          {outside.map((flag) => (
            <li key={flag.annotationId} className="review-card">
              <p className="review-card-heading">
                “{truncateText(flag.quote.exact, QUOTE_CHARS)}”{" "}
                <span className="review-badge">{flagCategoryName(flag.category)}</span>
              </p>
              <p>
                {flag.student.name} · proposes {correctionText(flag.correction)} · {flagStatusLabel(flag.status)}
              </p>
              <a href={flag.href} aria-label={`Open in the reader: ${flag.student.name}’s flag on “${truncateText(flag.quote.exact, QUOTE_CHARS)}”`}>
                Open in the reader
              </a>
            </li>
          ))}
        </ul>
      )}
      {unplacedFlagCount > 0 ? (
        <p className="review-note">
          {unplacedFlagCount === 1 ? "One flag" : `${unplacedFlagCount} flags`} could not be placed on the current text and
          {unplacedFlagCount === 1 ? " was" : " were"} not compared with the key.
        </p>
      ) : null}
    </>
  );
}
