import type { FinderDTO } from "@/lib/review/types";

/** Props for FinderList. */
export interface FinderListProps {
  found: readonly FinderDTO[];
  partial: readonly FinderDTO[];
  /** False when the entry's words are no longer in the text. */
  isPlaced?: boolean;
  /** True when a later revision reads as the entry's correction. */
  isFixedInSource?: boolean;
}

function names(finders: readonly FinderDTO[]): string {
  return finders.map((f) => (f.flagIds.length > 1 ? `${f.student.name} (${f.flagIds.length} flags)` : f.student.name)).join(", ");
}

/**
 * "Found by Ana, Ben · Right place, other category: Cleo", in words, never
 * colour alone. An entry fixed in the source says so, as its flags do, and
 * still lists who found it: they keep the credit.
 */
export function FinderList({ found, partial, isPlaced = true, isFixedInSource = false }: FinderListProps) {
  if (!isPlaced) {
    return <p className="review-note">This passage is no longer in the current text, so nobody can find it. Delete the entry or add it again.</p>;
  }
  return (
    <>
      {isFixedInSource ? (
        <p className="review-note review-fixed-note">
          Fixed in the source: a later revision of the text reads as the correction. Those who found it keep the credit.
        </p>
      ) : null}
      <dl className="review-facts">
        <div>
          <dt>Found by</dt>
          <dd>{found.length > 0 ? names(found) : "nobody yet"}</dd>
        </div>
        {partial.length > 0 ? (
          <div>
            <dt>Right place, other category</dt>
            <dd>{names(partial)}</dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
