/**
 * The review dashboard's tabs and the section ids each holds. Section ids are
 * the page's old anchors (README and links say `#export-import`,
 * `#who-found-what`): every one still names a place, now inside its tab. A
 * tab's id is the anchor of its main section, so the address of a tab is
 * the address that section always had.
 */
export const DASHBOARD_TABS = [
  { id: "heatmap", label: "Heatmap", sections: ["heatmap"] },
  { id: "flag-queue", label: "Flags", sections: ["flag-queue"] },
  { id: "students", label: "Students", sections: ["students"] },
  { id: "guiding-questions", label: "Questions", sections: ["guiding-questions"] },
  { id: "answer-key", label: "Answer key", sections: ["hints", "answer-key", "who-found-what"] },
  { id: "all-annotations", label: "Annotations", sections: ["all-annotations"] },
  { id: "settings", label: "Settings", sections: ["settings", "groups"] },
  { id: "export-import", label: "Export and import", sections: ["export-import"] },
] as const;

/** A tab of the dashboard. */
export type DashboardTab = (typeof DASHBOARD_TABS)[number];
/** One of the tabs' ids. */
export type DashboardTabId = DashboardTab["id"];

/**
 * The tab an address's hash opens, and the section to bring into view when
 * the hash names one that is not the tab's own (`#who-found-what` opens
 * "Answer key" and scrolls to that section). Null for a hash that names no
 * section, so the page keeps its current tab.
 */
export function tabForHash(hash: string): { tab: DashboardTabId; section: string | null } | null {
  let name = hash.replace(/^#/, "");
  try {
    name = decodeURIComponent(name);
  } catch {
    return null;
  }
  const tab = DASHBOARD_TABS.find((t) => (t.sections as readonly string[]).includes(name));
  if (!tab) return null;
  return { tab: tab.id, section: name === tab.id ? null : name };
}

/**
 * Where a key press in the tab list moves (WAI-ARIA tabs pattern): arrows to
 * the neighbour, wrapping at the ends, Home and End to the first and last.
 * Null for keys the tab list leaves alone.
 */
export function nextTabIndex(current: number, key: string, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (current + 1) % count;
    case "ArrowLeft":
      return (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
