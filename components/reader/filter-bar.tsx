"use client";

import type { AnnotationFilter } from "@/lib/annotations/filters";

interface Props {
  filter: AnnotationFilter;
  onChange: (filter: AnnotationFilter) => void;
  isTeacher: boolean;
  authors: { id: string; name: string }[];
  tags: string[];
  orphanCount: number;
}

/** Mine / everyone / one student, kind, tag, and whether to list orphans. */
export function FilterBar({ filter, onChange, isTeacher, authors, tags, orphanCount }: Props) {
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
        <select value={filter.kind} onChange={(e) => set({ kind: e.target.value as AnnotationFilter["kind"] })}>
          <option value="all">All</option>
          <option value="highlight">Highlights</option>
          <option value="comment">Comments</option>
        </select>
      </label>
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
      <label className="checkbox">
        <input type="checkbox" checked={filter.showOrphans} onChange={(e) => set({ showOrphans: e.target.checked })} />
        <span>Show orphans ({orphanCount})</span>
      </label>
    </fieldset>
  );
}
