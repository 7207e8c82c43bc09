import type { EvidenceDTO } from "@/lib/annotations/types";
import { safeSourceHref } from "@/lib/format/flag-form";
import { USER_LINK_REL } from "@/components/ui/rich-text-view";

/** Props for FlagEvidenceList. */
export interface FlagEvidenceListProps {
  evidence: readonly EvidenceDTO[];
}

/**
 * The sources cited for a flag. A title becomes a link only when its address
 * passes the http(s) policy at render time, whatever the API sent; links
 * carry the same rel as links in comments (no opener, no referrer, no SEO credit).
 */
export function FlagEvidenceList({ evidence }: FlagEvidenceListProps) {
  if (evidence.length === 0) return null;
  return (
    <section className="flag-evidence" aria-label="Sources cited">
      <h4 className="flag-subheading">Sources</h4>
      <ol className="flag-evidence-list">
        {evidence.map((e, i) => {
          const href = safeSourceHref(e.url);
          const details = [e.author, e.year, e.locator].filter((part) => part.trim() !== "").join(", ");
          return (
            <li key={i}>
              <cite>
                {href ? (
                  <a href={href} rel={USER_LINK_REL} target="_blank">
                    {e.title}
                  </a>
                ) : (
                  e.title
                )}
              </cite>
              {details ? <span className="flag-evidence-details">, {details}</span> : null}
              {e.quote ? (
                <blockquote className="flag-evidence-quote">
                  <p>“{e.quote}”</p>
                </blockquote>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
