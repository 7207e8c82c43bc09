"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { DASHBOARD_TABS, nextTabIndex, tabForHash, type DashboardTabId } from "@/lib/review/dashboard-tabs";

/** Props for ReviewTabs. */
export interface ReviewTabsProps {
  /** What each tab shows. */
  panels: Record<DashboardTabId, React.ReactNode>;
  /** A few words after a tab's name ("12 open"), when it has news. */
  badges?: Partial<Record<DashboardTabId, string>>;
}

/** Callbacks to tell when the hash is changed by replaceState, which fires no event of its own. */
const hashListeners = new Set<() => void>();

function subscribeToHash(onChange: () => void) {
  hashListeners.add(onChange);
  window.addEventListener("hashchange", onChange);
  return () => {
    hashListeners.delete(onChange);
    window.removeEventListener("hashchange", onChange);
  };
}

const readHash = () => window.location.hash;
// The server cannot know the hash: it renders the first tab, and the client follows the address after hydrating.
const readServerHash = () => "";

/**
 * The review dashboard as tabs (WAI-ARIA tabs pattern, automatic
 * activation): one tab stop for the list, arrows, Home and End move between
 * tabs, each panel is labelled by its tab and is the next tab stop. The
 * address's hash is the one source of the selected tab, so old links still
 * work (`#export-import`, `#who-found-what` opens "Answer key" and scrolls to
 * that section) and a reload keeps the tab. The list stays at the top of the
 * window while a long panel scrolls. Every panel stays mounted (hidden), so
 * a half-written form or an open decision survives a look at another tab.
 */
export function ReviewTabs({ panels, badges = {} }: ReviewTabsProps) {
  const hash = useSyncExternalStore(subscribeToHash, readHash, readServerHash);
  const target = tabForHash(hash);
  const selected = target?.tab ?? DASHBOARD_TABS[0].id;
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  // A hash naming a section inside a tab (not the tab's own) brings that section into view.
  useEffect(() => {
    if (target?.section) document.getElementById(target.section)?.scrollIntoView({ block: "start" });
  }, [target?.section]);

  // On a phone the list is one row that scrolls inside itself (review.css): keep the chosen tab in sight,
  // also when a link opened a tab far along it. Only the row scrolls, never the window.
  useEffect(() => {
    const list = listRef.current;
    const tab = tabRefs.current.get(selected);
    if (!list || !tab) return;
    const row = list.getBoundingClientRect();
    const box = tab.getBoundingClientRect();
    if (box.left < row.left) list.scrollLeft -= row.left - box.left;
    else if (box.right > row.right) list.scrollLeft += box.right - row.right;
  }, [selected]);

  function select(id: DashboardTabId, { focus = false } = {}) {
    // Keep Next's own history state; only the hash changes, and no entry is added per tab.
    window.history.replaceState(window.history.state, "", `#${id}`);
    for (const notify of hashListeners) notify();
    if (focus) tabRefs.current.get(id)?.focus();
    // Coming from far down a long panel, start the new one at its top instead of somewhere past its end.
    const top = (rootRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (window.scrollY > top) window.scrollTo({ top });
  }

  return (
    <div className="review-tabs" ref={rootRef}>
      <div
        role="tablist"
        aria-label="Review sections"
        className="review-tablist"
        ref={listRef}
        onKeyDown={(e) => {
          const index = nextTabIndex(
            DASHBOARD_TABS.findIndex((t) => t.id === selected),
            e.key,
            DASHBOARD_TABS.length,
          );
          if (index === null) return;
          e.preventDefault();
          select(DASHBOARD_TABS[index].id, { focus: true });
        }}
      >
        {DASHBOARD_TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`tabpanel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="review-tab"
            ref={(el) => {
              if (el) tabRefs.current.set(tab.id, el);
              else tabRefs.current.delete(tab.id);
            }}
            onClick={() => select(tab.id)}
          >
            {tab.label}
            {badges[tab.id] ? <span className="review-tab-badge"> {badges[tab.id]}</span> : null}
          </button>
        ))}
      </div>
      {DASHBOARD_TABS.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`tabpanel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          className="review-tabpanel"
          hidden={tab.id !== selected}
          tabIndex={0}
        >
          {panels[tab.id]}
        </div>
      ))}
    </div>
  );
}
