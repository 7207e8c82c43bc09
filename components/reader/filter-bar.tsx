"use client";

import type { AnnotationFilter } from "@/lib/annotations/filters";
import { describeCode, type HighlightCodeDTO } from "@/lib/annotations/highlight-codes";
import { FLAG_STATUS_FILTER_OPTIONS } from "@/lib/format/flag-labels";

interface Props {
  filter: AnnotationFilter;
  onChange: (filter: AnnotationFilter) => void;
  isTeacher: boolean;
  authors: { id: string; name: string }[];
  tags: string[];
  codes: readonly HighlightCodeDTO[];
  orphanCount: number;
}

/** Mine / everyone / one student, kind, flag status, tag, highlight code, and whether to list orphans. */
export function FilterBar({ filter, onChange, isTeacher, authors, tags, codes, orphanCount }: Props) {
  const set = (patch: Partial<AnnotationFilter>) => onChange({ ...filter, ...patch });
  return (
    <fieldset className="filter-bar">
      <legend className="visually-hidden">Filter annotations</legend>
      <label>
        <span>Show</span>
        <select value={filter.who} onChange={(e) => set({ who: e.target.value })}>
          <option value="everyone">Everyone</option>
          <option value="mine">Mine</option>
          {isTeacher
            ? authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))
            : null}
        </select>
      </label>
      <label>
        <span>Kind</span>
        <select
          value={filter.kind}
          onChange={(e) => {
            const kind = e.target.value as AnnotationFilter["kind"];
            // A flag status would hide every highlight and comment, so it only survives "All" and "Flags".
            set({ kind, flagStatus: kind === "all" || kind === "flag" ? filter.flagStatus : "all" });
          }}
        >
          <option value="all">All</option>
          <option value="highlight">Highlights</option>
          <option value="comment">Comments</option>
          <option value="flag">Flags</option>
        </select>
      </label>
      {filter.kind === "all" || filter.kind === "flag" ? (
        <label>
          <span>Flag status</span>
          <select
            value={filter.flagStatus}
            onChange={(e) => set({ flagStatus: e.target.value as AnnotationFilter["flagStatus"] })}
          >
            <option value="all">Any</option>
            {FLAG_STATUS_FILTER_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {tags.length > 0 ? (
        <label>
          <span>Tag</span>
          <select value={filter.tag ?? ""} onChange={(e) => set({ tag: e.target.value || null })}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {codes.length > 0 ? (
        <label>
          <span>Code</span>
          <select value={filter.code ?? ""} onChange={(e) => set({ code: e.target.value || null })}>
            <option value="">Any</option>
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {describeCode(c)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" checked={filter.showOrphans} onChange={(e) => set({ showOrphans: e.target.checked })} />
        <span>Show orphans ({orphanCount})</span>
      </label>
    </fieldset>
  );
}
