"use client";

import { useLayoutEffect, useRef } from "react";
import { ThreadCard } from "@/components/annotations/thread-card";
import { FlagCardSection } from "@/components/flags/flag-card-section";
import type { FlagActions } from "@/components/flags/use-flag-actions";
import type { AnnotationFilter } from "@/lib/annotations/filters";
import { findMergeTargets, isFlagAnnotation } from "@/lib/annotations/flags";
import { PEER_FLAGS_HIDDEN_NOTE } from "@/lib/format/flag-labels";
import type { AnnotationDTO, AnnotationListDTO, ReplyDTO, Scope } from "@/lib/annotations/types";
import type { TiptapDoc } from "@/lib/rich-text";
import { FilterBar } from "./filter-bar";
import { StudentHints } from "./student-hints";
import { ScopeSelect } from "@/components/annotations/scope-select";
import type { LiveStatus } from "./use-annotations";

type Result = Promise<string | null>;

interface Props {
  list: AnnotationListDTO;
  visible: AnnotationDTO[];
  orphans: AnnotationDTO[];
  filter: AnnotationFilter;
  onFilter: (f: AnnotationFilter) => void;
  authors: { id: string; name: string }[];
  tags: string[];
  isTeacher: boolean;
  live: LiveStatus;
  activeId: string | null;
  onActivate: (id: string) => void;
  defaultScope: Scope;
  onDefaultScope: (s: Scope) => void;
  composer: React.ReactNode;
  actions: {
    reply: (annotationId: string, body: TiptapDoc, id: string) => Result;
    update: (a: AnnotationDTO, patch: { body?: TiptapDoc; tags?: string[]; scope?: Scope }) => Result;
    remove: (a: AnnotationDTO) => Result;
    editReply: (r: ReplyDTO, body: TiptapDoc) => Result;
    deleteReply: (r: ReplyDTO) => Result;
  };
  flagActions: FlagActions;
}

const LIVE_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
};

/** Wide enough that the column sits beside the text (matches the CSS breakpoint). */
const BESIDE_QUERY = "(min-width: 901px)";

/**
 * The threads beside the text. Where there is room, each card lines up with
 * its passage (cards push each other down rather than overlap); on narrow
 * screens the column sits below the essay as a plain list.
 */
/** The first highlight mark of each annotation, in one pass over the essay. */
function firstMarkById(): Map<string, Element> {
  const found = new Map<string, Element>();
  for (const mark of document.querySelectorAll("mark[data-ids]")) {
    for (const id of (mark.getAttribute("data-ids") ?? "").split(/\s+/)) {
      if (id && !found.has(id)) found.set(id, mark);
    }
  }
  return found;
}

/** Scrolls the essay to the block holding a canonical-text offset. */
function scrollToOffset(offset: number) {
  const block = [...document.querySelectorAll<HTMLElement>("[data-block]")].find(
    (b) => Number(b.dataset.start) <= offset && offset < Number(b.dataset.end),
  );
  block?.scrollIntoView({ block: "center" });
}

export function AnnotationColumn(props: Props) {
  const { list, visible, orphans, filter, activeId, actions } = props;
  const listRef = useRef<HTMLOListElement>(null);
  const placed = visible.filter((a) => a.span);

  useLayoutEffect(() => {
    const ol = listRef.current;
    if (!ol) return;
    // Reads every position first and writes every margin after, so the browser
    // lays the page out once per pass, not once per card (500 cards took ~0.5 s).
    const align = () => {
      const cards = [...ol.querySelectorAll<HTMLElement>(":scope > li")];
      if (!window.matchMedia(BESIDE_QUERY).matches) {
        for (const card of cards) card.style.marginTop = "";
        return;
      }
      const firstMark = firstMarkById();
      const top = ol.getBoundingClientRect().top + window.scrollY;
      const wanted = cards.map((card) => {
        const mark = firstMark.get(card.dataset.for ?? "");
        return mark ? mark.getBoundingClientRect().top + window.scrollY : null;
      });
      const heights = cards.map((card) => card.offsetHeight);
      let cursor = top;
      const gaps = cards.map((_, i) => {
        const gap = Math.max(8, (wanted[i] ?? cursor) - cursor);
        cursor += gap + heights[i];
        return gap;
      });
      cards.forEach((card, i) => {
        card.style.marginTop = `${gaps[i]}px`;
      });
    };
    align();
    const observer = new ResizeObserver(align);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [placed]);

  const card = (a: AnnotationDTO) => (
    <ThreadCard
      flagSection={
        isFlagAnnotation(a) ? (
          <FlagCardSection
            annotation={a}
            viewer={list.viewer}
            mergeTargets={props.isTeacher ? findMergeTargets(a, list.annotations) : []}
            actions={props.flagActions}
          />
        ) : undefined
      }
      annotation={a}
      viewerId={list.viewer.id}
      viewerRole={list.viewer.role}
      isActive={a.id === activeId}
      onActivate={props.onActivate}
      onReply={actions.reply}
      onEdit={actions.update}
      onDelete={actions.remove}
      onEditReply={actions.editReply}
      onDeleteReply={actions.deleteReply}
      onTagClick={(tag) => props.onFilter({ ...filter, tag })}
    />
  );

  return (
    <aside className="annotation-column" aria-label="Annotations">
      <div className="column-head">
        <h2 className="column-title">Annotations</h2>
        <span className={`live-badge live-${props.live}`} role="status">
          {LIVE_TEXT[props.live]}
        </span>
      </div>
      <ScopeSelect value={props.defaultScope} onChange={props.onDefaultScope} label="New highlights are visible to" />
      <FilterBar
        filter={filter}
        onChange={props.onFilter}
        isTeacher={props.isTeacher}
        authors={props.authors}
        tags={props.tags}
        orphanCount={orphans.length}
      />
      {!list.peerFlagsVisible && !props.isTeacher ? <p className="flag-peer-note">{PEER_FLAGS_HIDDEN_NOTE}</p> : null}
      {props.composer}
      {list.viewer.role === "student" && list.hintsVisible ? <StudentHints assignmentId={list.assignmentId} onOpen={scrollToOffset} /> : null}
      {placed.length === 0 && !props.composer ? (
        <p className="muted">No annotations to show yet. Select a passage in the essay to start.</p>
      ) : null}
      <ol ref={listRef} className="thread-list" aria-label="Threads in text order">
        {placed.map((a) => (
          <li key={a.id} data-for={a.id}>
            {card(a)}
          </li>
        ))}
      </ol>
      {filter.showOrphans && orphans.length > 0 ? (
        <section aria-labelledby="orphans-title" className="orphans">
          <h3 id="orphans-title">Could not be placed in the current text ({orphans.length})</h3>
          <ol className="thread-list">
            {orphans.map((a) => (
              <li key={a.id}>{card(a)}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </aside>
  );
}
