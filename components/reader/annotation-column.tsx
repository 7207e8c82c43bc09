"use client";

import { passageWords } from "@/lib/annotations/passage-words";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { ThreadCard } from "@/components/annotations/thread-card";
import { FlagCardSection } from "@/components/flags/flag-card-section";
import type { FlagActions } from "@/components/flags/use-flag-actions";
import { findMergeTargets, isFlagAnnotation } from "@/lib/annotations/flags";
import { leadThread, placeBoxes } from "@/lib/annotations/margin-layout";
import type { AnnotationDTO, AnnotationListDTO, ReplyDTO, Scope } from "@/lib/annotations/types";
import { describeCorrection, describeVotes } from "@/lib/format/flag-labels";
import type { TiptapDoc } from "@/lib/rich-text";
import { PENDING_MARK_ID } from "./annotated-text";
import { OverviewStrip } from "./overview-strip";
import { CARD_GAP_PX, useMarginGroups } from "./use-margin-groups";
import type { LiveStatus } from "./use-annotations";

type Result = Promise<string | null>;

interface Props {
  list: AnnotationListDTO;
  /** What the filter keeps and has a place in the text, in text order. */
  placed: AnnotationDTO[];
  orphans: AnnotationDTO[];
  showOrphans: boolean;
  isTeacher: boolean;
  live: LiveStatus;
  activeId: string | null;
  onActivate: (id: string) => void;
  /** The essay, whose marks the threads line up with. */
  essayRef: RefObject<HTMLElement | null>;
  /** The open comment or flag composer, shown beside its passage (which stays marked). */
  composer: React.ReactNode;
  /** Phones and tablets: the threads are a bottom sheet, open or closed. */
  isSheet: boolean;
  isSheetOpen: boolean;
  onSheetOpen: (open: boolean) => void;
  onTagClick: (tag: string) => void;
  /**
   * Every thread in full, one after another in text order, instead of the
   * margin's collapsed groups: for reading the whole discussion, with a
   * screen reader or otherwise.
   */
  showAll: boolean;
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

/**
 * The threads, as a document editor's margin: threads whose passages start
 * on the same lines form a group showing one collapsed card and "N more
 * here"; each group sits level with its passage, the active thread (or the
 * composer) exactly so, and the others stack above and below it without
 * overlapping (lib/annotations/margin-layout). On phones and tablets the same
 * groups are a list in a bottom sheet that a tap on a highlight opens.
 */
export function AnnotationColumn(props: Props) {
  const { list, placed, activeId, isSheet } = props;
  const layerRef = useRef<HTMLOListElement>(null);
  const ids = useStableIds(placed);
  const hasComposer = Boolean(props.composer);
  const margin = useMarginGroups(ids, layerRef, props.essayRef, hasComposer);
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const byId = new Map(placed.map((a) => [a.id, a]));

  const focusIndex = margin.groups.findIndex((g) => (hasComposer ? g.ids.includes(PENDING_MARK_ID) : activeId !== null && g.ids.includes(activeId)));

  // Places every group: reads each group's height once, writes every top once.
  const position = useCallback(() => {
    const layer = layerRef.current;
    if (!layer) return;
    const items = [...layer.querySelectorAll<HTMLElement>(":scope > li")];
    if (isSheet || props.showAll || items.length !== margin.groups.length) {
      for (const li of items) li.style.top = "";
      layer.style.height = "";
      return;
    }
    const focusId = hasComposer ? PENDING_MARK_ID : activeId;
    const boxes = margin.groups.map((g, i) => ({
      wanted: Math.max(0, (focusId && g.ids.includes(focusId) ? margin.tops.get(focusId) : undefined) ?? g.top),
      height: items[i].offsetHeight,
    }));
    const tops = placeBoxes(boxes, CARD_GAP_PX, focusIndex >= 0 ? focusIndex : null);
    items.forEach((li, i) => {
      li.style.top = `${tops[i]}px`;
    });
    const bottom = tops.length > 0 ? tops.at(-1)! + boxes.at(-1)!.height : 0;
    layer.style.height = `${Math.max(bottom, margin.essayHeight)}px`;
  }, [isSheet, props.showAll, margin, activeId, hasComposer, focusIndex]);

  useLayoutEffect(() => {
    position();
    const layer = layerRef.current;
    if (!layer || isSheet || props.showAll) return;
    // A card that grows (a reply box opens, an expanded group) moves the ones after it.
    const observer = new ResizeObserver(() => position());
    for (const li of layer.querySelectorAll(":scope > li")) observer.observe(li);
    return () => observer.disconnect();
  });

  // In the sheet, bring the active thread into view when it changes.
  useEffect(() => {
    if (!isSheet || !props.isSheetOpen || !activeId) return;
    layerRef.current?.querySelector(`[data-annotation-id="${CSS.escape(activeId)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [isSheet, props.isSheetOpen, activeId]);

  const card = (a: AnnotationDTO, isCompact: boolean) => (
    <ThreadCard
      key={a.id}
      isCompact={isCompact}
      flagSummary={a.flag ? { change: describeCorrection(passageWords(a), a.flag.correction).text, votes: a.flag.votes.agree + a.flag.votes.disagree > 0 ? describeVotes(a.flag.votes) : null } : undefined}
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
      onReply={props.actions.reply}
      onEdit={props.actions.update}
      onDelete={props.actions.remove}
      onEditReply={props.actions.editReply}
      onDeleteReply={props.actions.deleteReply}
      onTagClick={props.onTagClick}
    />
  );

  const fullList = props.showAll
    ? [
        ...(hasComposer ? [<li key={PENDING_MARK_ID}>{props.composer}</li>] : []),
        ...placed.map((a) => (
          <li key={a.id} className="margin-group is-listed">
            {card(a, false)}
          </li>
        )),
      ]
    : null;

  const groupItems = fullList ?? margin.groups.map((g) => {
    const key = g.ids[0];
    const threads = g.ids.filter((id) => id !== PENDING_MARK_ID).map((id) => byId.get(id)!).filter(Boolean);
    const hasPendingHere = g.ids.includes(PENDING_MARK_ID);
    const isOpen = openGroup === key;
    const lead = threads.find((a) => a.id === activeId) ?? leadThread(threads);
    const shown = isOpen ? threads : lead && !hasPendingHere ? [lead] : [];
    const hidden = threads.length - shown.length;
    return (
      <li key={key} className={`margin-group${isOpen ? " is-open" : ""}`} data-group={key}>
        {hasPendingHere ? props.composer : null}
        {shown.map((a) => card(a, a.id !== activeId))}
        {threads.length > 1 || (hasPendingHere && threads.length > 0) ? (
          <button
            type="button"
            className="margin-more"
            aria-expanded={isOpen}
            onClick={() => setOpenGroup(isOpen ? null : key)}
          >
            {isOpen ? "Show fewer" : `${hidden} more here`}
          </button>
        ) : null}
      </li>
    );
  });

  const orphans =
    props.showOrphans && props.orphans.length > 0 ? (
      <section aria-labelledby="orphans-title" className="orphans">
        <h3 id="orphans-title">Could not be placed in the current text ({props.orphans.length})</h3>
        <ol className="thread-list">
          {props.orphans.map((a) => (
            <li key={a.id}>{card(a, a.id !== activeId)}</li>
          ))}
        </ol>
      </section>
    ) : null;

  const empty =
    placed.length === 0 && !hasComposer ? (
      <p className="muted margin-empty">No annotations to show yet. Select a passage in the essay to start.</p>
    ) : null;

  const count = list.annotations.filter((a) => !a.isDeleted).length;

  if (isSheet) {
    return (
      <aside className={`annotation-column is-sheet${props.isSheetOpen ? " is-open" : ""}`} aria-label="Annotations">
        <button
          type="button"
          className="sheet-handle"
          aria-expanded={props.isSheetOpen}
          aria-controls="annotation-sheet"
          onClick={() => props.onSheetOpen(!props.isSheetOpen)}
        >
          <span className="sheet-grip" aria-hidden="true" />
          <span>
            Annotations ({count}) · <span className={`live-text live-${props.live}`}>{LIVE_TEXT[props.live]}</span>
          </span>
          <span className="sheet-toggle">{props.isSheetOpen ? "Close" : "Open"}</span>
        </button>
        <div id="annotation-sheet" className="sheet-body" hidden={!props.isSheetOpen}>
          {empty}
          <ol ref={layerRef} className={`thread-list margin-layer${props.showAll ? " is-listed" : ""}`} aria-label="Threads in text order">
            {groupItems}
          </ol>
          {orphans}
        </div>
      </aside>
    );
  }

  return (
    <aside className="annotation-column" aria-label="Annotations">
      <OverviewStrip groups={margin.groups} tops={margin.tops} essayHeight={margin.essayHeight} byId={byId} activeId={activeId} onOpen={props.onActivate} />
      <div className="margin-threads">
        {empty}
        <ol ref={layerRef} className={`thread-list margin-layer${props.showAll ? " is-listed" : ""}`} aria-label="Threads in text order">
          {groupItems}
        </ol>
        {orphans}
      </div>
    </aside>
  );
}

/**
 * The placed ids in text order, as one array that changes only when an id or
 * a place does (the layout hook measures again then, not on every render).
 */
function useStableIds(placed: AnnotationDTO[]): string[] {
  const key = placed.map((a) => `${a.id}:${a.span?.start}:${a.span?.end}:${a.flag?.status ?? ""}`).join(" ");
  return useMemo(() => (key ? key.split(" ").map((part) => part.slice(0, part.indexOf(":"))) : []), [key]);
}
