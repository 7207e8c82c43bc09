import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "@/lib/review/contrast";
import { HEAT_LEVELS } from "@/lib/review/heatmap";

const CSS = readFileSync(path.resolve(__dirname, "../../../components/review/heatmap.css"), "utf8");
const PAPER = "#fbfaf7";
const PANEL = "#ffffff";

/** The value of a custom property declared in heatmap.css. */
function token(name: string): string {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,6})\\s*;`).exec(CSS);
  if (!match) throw new Error(`--${name} is not declared in heatmap.css`);
  return match[1];
}

describe("the heatmap palette", () => {
  const marked = HEAT_LEVELS.filter((l) => l.level > 0);

  it("keeps every run's text readable on its colour (WCAG AA, 4.5:1)", () => {
    for (const { level } of marked) {
      expect(contrastRatio(token(`heat-${level}-ink`), token(`heat-${level}-bg`))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("gets darker at every step, so it reads without hue", () => {
    const ratios = marked.map(({ level }) => contrastRatio(token(`heat-${level}-bg`), PANEL));
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios);
    expect(new Set(ratios).size).toBe(ratios.length);
  });

  it("outlines the legend swatches at 3:1 against the page (non-text contrast)", () => {
    expect(contrastRatio(token("heat-swatch-border"), PAPER)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(token("heat-swatch-border"), PANEL)).toBeGreaterThanOrEqual(3);
  });
});

describe("contrastRatio", () => {
  it("gives the WCAG extremes and is symmetric", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#fff")).toBe(1);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(contrastRatio("#ffffff", "#777777"), 10);
  });

  it("fails loudly on something that is not a hex colour", () => {
    expect(() => contrastRatio("red", "#fff")).toThrow(/Not a hex colour/);
  });
});
