import { describe, expect, it } from "vitest";
import { DASHBOARD_TABS, nextTabIndex, tabForHash } from "@/lib/review/dashboard-tabs";

describe("dashboard tabs and the addresses that open them", () => {
  it("opens the tab of every section the page ever had an anchor for", () => {
    const anchors = ["heatmap", "flag-queue", "students", "settings", "hints", "answer-key", "who-found-what", "all-annotations", "export-import"];
    for (const anchor of anchors) expect(tabForHash(`#${anchor}`), anchor).not.toBeNull();
    expect(tabForHash("#export-import")).toEqual({ tab: "export-import", section: null });
  });

  it("scrolls to a section that is not its tab's own", () => {
    expect(tabForHash("#who-found-what")).toEqual({ tab: "answer-key", section: "who-found-what" });
    expect(tabForHash("#hints")).toEqual({ tab: "answer-key", section: "hints" });
    expect(tabForHash("#answer-key")).toEqual({ tab: "answer-key", section: null });
  });

  it("keeps the current tab for a hash that names nothing", () => {
    expect(tabForHash("")).toBeNull();
    expect(tabForHash("#main")).toBeNull();
    expect(tabForHash("#%E0%A4%A")).toBeNull();
  });

  it("gives every tab its own id and section ids that no other tab holds", () => {
    const sections = DASHBOARD_TABS.flatMap((t) => t.sections);
    expect(new Set(sections).size).toBe(sections.length);
    for (const tab of DASHBOARD_TABS) expect(tab.sections).toContain(tab.id);
  });

  it("moves with arrows (wrapping), Home and End, and ignores other keys", () => {
    expect(nextTabIndex(0, "ArrowRight", 7)).toBe(1);
    expect(nextTabIndex(6, "ArrowRight", 7)).toBe(0);
    expect(nextTabIndex(0, "ArrowLeft", 7)).toBe(6);
    expect(nextTabIndex(3, "Home", 7)).toBe(0);
    expect(nextTabIndex(3, "End", 7)).toBe(6);
    expect(nextTabIndex(3, "Enter", 7)).toBeNull();
  });
});
