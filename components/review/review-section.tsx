/** Props for ReviewSection. */
export interface ReviewSectionProps {
  id: string;
  title: string;
  /** One line under the heading: what the section is for. */
  intro?: string;
  /** Lets a panel send focus to the heading (e.g. after deleting the item that had it). */
  headingRef?: React.RefObject<HTMLHeadingElement | null>;
  children: React.ReactNode;
}

/**
 * One panel of the review dashboard: a landmark named by its heading, so
 * screen-reader users can jump between panels, and an anchor for the page's
 * contents list. Later panels (heatmap, flag queue) use the same frame.
 */
export function ReviewSection({ id, title, intro, headingRef, children }: ReviewSectionProps) {
  return (
    <section id={id} className="review-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {intro ? <p className="muted review-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
