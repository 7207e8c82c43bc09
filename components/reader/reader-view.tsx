"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useFlagActions } from "@/components/flags/use-flag-actions";
import { describe as describeSpan } from "@/lib/anchoring";
import { useMediaQuery } from "@/components/ui/use-media-query";
import { useStoredFlag } from "@/components/ui/use-stored-flag";
import { applyFilter, collectAuthors, collectTags, countCodes, DEFAULT_FILTER, type AnnotationFilter } from "@/lib/annotations/filters";
import { HighlightCodesProvider } from "@/components/annotations/highlight-codes-context";
import type { AnnotationListDTO, Scope } from "@/lib/annotations/types";
import type { Block } from "@/lib/content";
import { clampToPage } from "@/lib/sources";
import { AnnotationColumn } from "./annotation-column";
import { isSelectionIn, moveSelection, readSelection, selectionRect, startKeyboardSelection } from "./dom-selection";
import { MentionProvider } from "@/components/annotations/mention-source";
import { ReaderComposer, type Composing } from "./reader-composer";
import { pictureOf, type ReaderSource } from "./reader-source";
import { PictureContext } from "./picture-context";
import { useRegionDraft } from "./use-region-draft";
import { ReaderText } from "./reader-text";
import { ReaderBar } from "./reader-bar";
import { SelectionToolbar } from "./selection-toolbar";
import { useAnnotations } from "./use-annotations";
import { useIsPressing } from "./use-is-pressing";
import { useSelectionActions } from "./use-selection-actions";
import "./reader.css";

interface Props {
  text: string;
  blocks: Block[];
  titleId?: string;
  initial: AnnotationListDTO;
  /** Open this thread on arrival (?annotation=…), e.g. from the teacher's dashboard. */
  openAnnotationId?: string;
  /** Show only this author's annotations on arrival (?student=…, teachers reviewing one student). */
  onlyAuthorId?: string;
  /** Rendered above the essay text inside the article (assignment strip, provenance). */
  header: React.ReactNode;
  /** A reading made from a PDF or scan: its pages can be read as they are, or as reflowed text. */
  source?: ReaderSource;
}

type Pending = { start: number; end: number; rect: DOMRect };

/** Where this browser remembers "Show every thread in full". */
export const SHOW_ALL_KEY = "marginalia.reader.showAll";

/** Narrower than this, threads live in a bottom sheet instead of the margin (matches reader.css). */
const SHEET_QUERY = "(max-width: 900px)";

/** Scrolls the essay to the block holding a canonical-text offset (a hint's passage). */
function scrollToOffset(offset: number) {
  const block = [...document.querySelectorAll<HTMLElement>("[data-block]")].find(
    (b) => Number(b.dataset.start) <= offset && offset < Number(b.dataset.end),
  );
  block?.scrollIntoView({ block: "center" });
}

/**
 * The annotated reader: select text (mouse, touch or keyboard) to highlight,
 * comment or flag an error, see the class's marks drawn on the text, and
 * follow the threads in the column beside it, live.
 */
export function ReaderView({ text, blocks, titleId, initial, header, openAnnotationId, onlyAuthorId, source }: Props) {
  const { list, live, refresh, upsert, create, createFlag, update, remove, reply, editReply, deleteReply } = useAnnotations(initial);
  const flagActions = useFlagActions(upsert, refresh);
  const articleRef = useRef<HTMLElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [composing, setComposing] = useState<Composing | null>(null);
  const [activeId, setActiveId] = useState<string | null>(openAnnotationId ?? null);
  // Phones and tablets: the threads are a bottom sheet (the CSS breakpoint is the same).
  const isSheet = useMediaQuery(SHEET_QUERY);
  const [isSheetOpen, setSheetOpen] = useState(false);
  const [showAll, setShowAll] = useStoredFlag(SHOW_ALL_KEY);
  const pages = source?.geometry.pages;
  const [filter, setFilter] = useState<AnnotationFilter>(() => ({
    ...DEFAULT_FILTER,
    ...(onlyAuthorId ? { who: onlyAuthorId } : {}),
    ...(openAnnotationId && initial.annotations.some((a) => a.id === openAnnotationId && !a.span) ? { showOrphans: true } : {}),
  }));

  // Arriving with ?annotation=…: bring its passage into view once.
  useEffect(() => {
    if (!openAnnotationId) return;
    document.querySelector(`mark[data-ids~="${CSS.escape(openAnnotationId)}"]`)?.scrollIntoView({ block: "center" });
  }, [openAnnotationId]);
  const [defaultScope, setDefaultScope] = useState<Scope>("class");
  const [status, setStatus] = useState("");
  const isTeacher = list.viewer.role === "teacher";

  const visible = useMemo(() => applyFilter(list.annotations, filter), [list.annotations, filter]);
  const placed = visible.filter((a) => a.span || a.region);
  const orphans = list.annotations.filter((a) => !a.span && !a.region);
  const picture = useMemo(() => pictureOf(source), [source]);

  // Follow the selection: show the toolbar while essay text is selected.
  useEffect(() => {
    const onChange = () => {
      const root = articleRef.current;
      if (!root || !isSelectionIn(root)) return setPending(null);
      const read = readSelection(root, text);
      // On a PDF or scan a passage stays on the page where it starts, in both views.
      const span = read && pages ? clampToPage(pages, read) : read;
      const rect = selectionRect();
      setPending(span && rect ? { ...span, rect } : null);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [text, pages]);

  const selectors = useCallback(
    (span: { start: number; end: number }) => {
      const { quote, position } = describeSpan(text, span.start, span.end);
      return { quote: { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" }, position };
    },
    [text],
  );

  // The composer opens beside the passage, which stays marked while the
  // student writes (the pending mark replaces the browser's selection), and
  // the toolbar goes away.
  const startComposing = useCallback(
    (kind: Composing["kind"]) => {
      if (!pending) return;
      setComposing({ start: pending.start, end: pending.end, kind, id: crypto.randomUUID() });
      setPending(null);
      window.getSelection()?.removeAllRanges();
      if (isSheet) setSheetOpen(true);
    },
    [pending, isSheet],
  );

  const clearPending = useCallback(() => setPending(null), []);
  const onHighlighted = useCallback((id: string, message: string) => {
    setActiveId(id);
    setStatus(message);
  }, []);
  const { highlight, isBusy } = useSelectionActions({
    pending,
    clearPending,
    defaultScope,
    selectors,
    create,
    codes: list.codes,
    startComposing,
    onHighlighted,
    onError: setStatus,
  });

  // Caret browsing inside the essay: Enter starts a selection, (Shift+)arrows move or extend it.
  const onArticleKey = (event: React.KeyboardEvent<HTMLElement>) => {
    const root = articleRef.current;
    if (!root || (event.target as HTMLElement).closest("a, button, input, select, textarea")) return;
    if (event.key === "Enter" && (!isSelectionIn(root) || window.getSelection()?.isCollapsed)) {
      event.preventDefault();
      startKeyboardSelection(root);
      return;
    }
    if (isSelectionIn(root) && moveSelection(event.key, event.shiftKey, event.ctrlKey || event.altKey)) {
      event.preventDefault();
    }
  };

  // A click or tap on a highlight: its thread becomes active (level with the
  // passage in the margin, or shown in the opened sheet) and takes focus
  // without scrolling the page, since the passage is where the reader is.
  const openThread = useCallback(
    (id: string) => {
      setActiveId(id);
      if (isSheet) {
        // The sheet covers the lower part of the screen: keep the passage in view above it.
        setSheetOpen(true);
        document.querySelector(`mark[data-ids~="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "start" });
      }
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: !isSheet }));
    },
    [isSheet],
  );

  // A press inside a card focuses it on mousedown; scrolling then would move
  // the button away before mouseup and swallow the click (tall flag cards
  // often have their passage off screen), so only keyboard focus scrolls.
  const isPressing = useIsPressing();

  // Clicking into the essay to select words focuses it; Chromium then shows
  // :focus-visible on the first key pressed (H, C, F), a thick frame around the
  // whole essay. Focus that came with a press is marked so the CSS leaves it
  // without a ring; focus reached by Tab keeps its ring.
  const onArticleFocus = (event: React.FocusEvent<HTMLElement>) => {
    if (event.target === event.currentTarget) event.currentTarget.toggleAttribute("data-pointer-focus", isPressing());
  };

  const activate = useCallback((id: string) => {
    setActiveId(id);
    if (isPressing()) return;
    const mark = document.querySelector(`mark[data-ids~="${CSS.escape(id)}"]`);
    const rect = mark?.getBoundingClientRect();
    if (mark && rect && (rect.bottom < 0 || rect.top > window.innerHeight)) mark.scrollIntoView({ block: "center" });
  }, [isPressing]);

  // What a post marks: the composer's region of the picture, or its passage's selectors.
  const targetOf = (c: Composing) => (c.region ? { region: c.region } : selectors(c));
  const region = useRegionDraft({
    create,
    defaultScope,
    onCompose: (kind, drawn) => (setComposing({ start: 0, end: 0, kind, id: crypto.randomUUID(), region: drawn }), isSheet && setSheetOpen(true)),
    onHighlighted: setActiveId,
    onStatus: setStatus,
  });
  const closeComposer = () => setComposing(null);
  const posted = (id: string, message: string) => {
    setComposing(null);
    region.setDraft(null);
    setStatus(message);
    requestAnimationFrame(() => openThread(id));
  };
  const composer = composing ? (
    <ReaderComposer
      composing={composing}
      text={text}
      picture={picture}
      isScan={source?.isScan ?? false}
      defaultScope={defaultScope}
      canPinGuide={isTeacher}
      onCancel={closeComposer}
      onFlag={async (flag) => {
        const res = await createFlag({ ...flag, id: composing.id, ...targetOf(composing) });
        if (!res.ok) return res.message;
        posted(res.data.annotation.id, "Flag posted.");
        return null;
      }}
      onComment={async ({ body, scope, tags, guide }) => {
        const res = await create({ id: composing.id, kind: "comment", scope, body, tags, guide, ...targetOf(composing) });
        if (!res.ok) return res.message;
        posted(res.data.annotation.id, guide ? "Pinned for the class." : "Comment posted.");
        return null;
      }}
    />
  ) : null;
  return (
    <MentionProvider assignmentId={list.assignmentId}>
      <HighlightCodesProvider codes={list.codes}>
      <PictureContext value={picture}>
        <div className={`reader-layout${isSheet ? " has-sheet" : ""}`}>
          <ReaderBar
            live={live}
            filter={filter}
            onFilter={setFilter}
            isTeacher={isTeacher}
            authors={collectAuthors(list.annotations)}
            tags={collectTags(list.annotations)}
            codes={list.codes}
            codeCounts={countCodes(list.annotations)}
            orphanCount={orphans.length}
            defaultScope={defaultScope}
            onDefaultScope={setDefaultScope}
            hintsAssignmentId={list.viewer.role === "student" && list.hintsVisible ? list.assignmentId : null}
            onOpenOffset={scrollToOffset}
            showPeerFlagsNote={!list.peerFlagsVisible && !isTeacher}
            shownCount={visible.filter((a) => !a.isDeleted).length}
            totalCount={list.annotations.filter((a) => !a.isDeleted).length}
            showAll={showAll}
            onShowAll={setShowAll}
          />
          <article
            ref={articleRef}
            className="reader-article"
            aria-labelledby={titleId}
            aria-describedby="keyboard-help"
            tabIndex={0}
            onKeyDown={onArticleKey}
            onFocus={onArticleFocus}
            onBlur={(event) => event.currentTarget.removeAttribute("data-pointer-focus")}
          >
            {header}
            <p id="keyboard-help" className="visually-hidden">
              To select text with the keyboard, press Enter (it selects the first word of the paragraph or page on screen), then Shift with the arrow keys (add Control to move by word).
              Press H to highlight the selection, a number key to highlight it with that highlight code, C to comment on it, or F to flag an error in it.
            </p>
            <ReaderText
              picture={picture ? { info: picture, ...region, isComposing: Boolean(composing?.region) } : undefined}
              text={text}
              blocks={blocks}
              titleId={titleId}
              source={source}
              annotations={placed}
              activeId={activeId}
              onOpen={openThread}
              pending={composing}
            />
          </article>
          {pending && !composing ? (
            <SelectionToolbar
              rect={pending.rect}
              onHighlight={() => void highlight()}
              codes={list.codes}
              onCode={(codeId) => void highlight(list.codes.find((c) => c.id === codeId))}
              onComment={() => startComposing("comment")}
              onFlag={() => startComposing("flag")}
              isBusy={isBusy}
            />
          ) : null}
          <AnnotationColumn
            list={list}
            placed={placed}
            orphans={orphans}
            showOrphans={filter.showOrphans}
            isTeacher={isTeacher}
            live={live}
            activeId={activeId}
            onActivate={activate}
            essayRef={articleRef}
            composer={composer}
            isSheet={isSheet}
            isSheetOpen={isSheetOpen}
            onSheetOpen={setSheetOpen}
            onTagClick={(tag) => setFilter({ ...filter, tag })}
            showAll={showAll}
            actions={{ reply, update, remove, editReply, deleteReply }}
            flagActions={flagActions}
          />
          <p className="visually-hidden" role="status" aria-live="polite">
            {status}
          </p>
        </div>
      </PictureContext>
      </HighlightCodesProvider>
    </MentionProvider>
  );
}
