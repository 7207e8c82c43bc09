/**
 * The mark of a teacher's guiding question or instruction: a word and a
 * symbol ("?" or "!"), never colour alone, so it reads the same in grey,
 * to a screen reader and at a glance.
 */
export function GuideBadge({ guide }: { guide: "question" | "instruction" }) {
  return (
    <span className={`guide-badge is-${guide}`}>
      <span className="guide-badge-icon" aria-hidden="true">
        {guide === "question" ? "?" : "!"}
      </span>
      {guide === "question" ? "Teacher’s question" : "Teacher’s instruction"}
    </span>
  );
}
