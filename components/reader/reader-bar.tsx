"use client";

import { ScopeSelect } from "@/components/annotations/scope-select";
import type { AnnotationFilter } from "@/lib/annotations/filters";
import { DEFAULT_FILTER } from "@/lib/annotations/filters";
import type { Scope } from "@/lib/annotations/types";
import { PEER_FLAGS_HIDDEN_NOTE } from "@/lib/format/flag-labels";
import type { HighlightCodeDTO } from "@/lib/annotations/highlight-codes";
import { CodeLegend } from "./code-legend";
import { FilterBar } from "./filter-bar";
import { StudentHints } from "./student-hints";
import type { LiveStatus } from "./use-annotations";

interface Props {
  live: LiveStatus;
  filter: AnnotationFilter;
  onFilter: (f: AnnotationFilter) => void;
  isTeacher: boolean;
  authors: { id: string; name: string }[];
  tags: string[];
  codes: readonly HighlightCodeDTO[];
  /** Marks per code, of those the viewer sees. */
  codeCounts: ReadonlyMap<string, number>;
  orphanCount: number;
  defaultScope: Scope;
  onDefaultScope: (s: Scope) => void;
  /** Students only, when the teacher's setting shows them the automatic hints. */
  hintsAssignmentId: string | null;
  onOpenOffset: (offset: number) => void;
  showPeerFlagsNote: boolean;
  /** "124 shown of 130" when a filter is on. */
  shownCount: number;
  totalCount: number;
  showAll: boolean;
  onShowAll: (showAll: boolean) => void;
}

const LIVE_TEXT: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
};

/** How many filter settings differ from "show everything". */
function activeFilters(filter: AnnotationFilter): number {
  return (["who", "kind", "tag", "code", "flagStatus", "showOrphans"] as const).filter((k) => filter[k] !== DEFAULT_FILTER[k]).length;
}

/**
 * The reader's controls, above the essay so the margin beside it holds only
 * threads level with their passages: live status, who sees new highlights,
 * the filters (folded away), the automatic hints for students.
 */
export function ReaderBar(props: Props) {
  const changed = activeFilters(props.filter);
  return (
    <div className="reader-bar">
      <span className={`live-badge live-${props.live}`} role="status">
        {LIVE_TEXT[props.live]}
      </span>
      <span className="reader-count">
        {props.shownCount === props.totalCount ? `${props.totalCount} annotations` : `${props.shownCount} of ${props.totalCount} annotations shown`}
      </span>
      <label className="checkbox reader-show-all">
        <input type="checkbox" checked={props.showAll} onChange={(e) => props.onShowAll(e.target.checked)} />
        <span>Show every thread in full</span>
      </label>
      <ScopeSelect value={props.defaultScope} onChange={props.onDefaultScope} label="New highlights are visible to" />
      <details className="reader-filters">
        <summary>Filter{changed > 0 ? ` (${changed} on)` : ""}</summary>
        <FilterBar
          filter={props.filter}
          onChange={props.onFilter}
          isTeacher={props.isTeacher}
          authors={props.authors}
          tags={props.tags}
          codes={props.codes}
          orphanCount={props.orphanCount}
        />
        {changed > 0 ? (
          <button type="button" className="button button-quiet button-small" onClick={() => props.onFilter(DEFAULT_FILTER)}>
            Show everything
          </button>
        ) : null}
      </details>
      <CodeLegend
        codes={props.codes}
        counts={props.codeCounts}
        selected={props.filter.code}
        onSelect={(code) => props.onFilter({ ...props.filter, code })}
      />
      {props.hintsAssignmentId ? <StudentHints assignmentId={props.hintsAssignmentId} onOpen={props.onOpenOffset} /> : null}
      {props.showPeerFlagsNote ? <p className="flag-peer-note">{PEER_FLAGS_HIDDEN_NOTE}</p> : null}
    </div>
  );
}
