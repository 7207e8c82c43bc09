import type { EssayMeta } from "@/lib/content";
import { formatCalendarDate } from "@/lib/format/dates";

/** Where the text came from: source, author, retrieval date and notes. */
export function Provenance({ meta }: { meta: EssayMeta }) {
  return (
    <section className="provenance" aria-label="About this source">
      <p data-testid="provenance">
        <strong>Source:</strong>{" "}
        {meta.sourceUrl ? (
          <a href={meta.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
            {meta.source}
          </a>
        ) : (
          meta.source
        )}{" "}
        · <strong>Author:</strong> {meta.author} · <strong>Retrieved:</strong>{" "}
        <time dateTime={meta.retrieved}>{formatCalendarDate(meta.retrieved)}</time>
      </p>
      <p className="muted">{meta.notes}</p>
    </section>
  );
}
