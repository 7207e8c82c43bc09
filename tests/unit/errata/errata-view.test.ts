import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrataView } from "@/components/errata/errata-view";
import { applyCorrections } from "@/lib/errata/apply-corrections";
import type { ErrataDocument, ErratumEntry } from "@/lib/errata/types";
import { fix, secretSpeech } from "./fixtures";

const { text, blocks } = secretSpeech;

const dateErratum: ErratumEntry = {
  id: "e1",
  number: 1,
  original: "1995",
  correction: "1955",
  category: "date_number",
  categoryLabel: "Wrong date or number",
  finders: ["Ana Petrova", "Ben Hughes"],
  evidence: [
    { title: "Taubman", author: "", year: "2003", url: "https://example.org/t", locator: "p. 270", quote: "late 1955" },
    { title: "Hostile", author: "", year: "", url: "javascript:alert(1)", locator: "", quote: "" },
  ],
  fixedInSource: false,
  outcome: "applied",
};

function errataDoc(errata: ErratumEntry[], peerFlagsVisible = true): ErrataDocument {
  const corrections = errata.filter((e) => e.outcome === "applied").map((e) => fix(text, e.original, e.correction, e.number!));
  const result = applyCorrections({ text, blocks, corrections });
  return {
    essay: { slug: "s", meta: { title: "T", author: "A", source: "S", retrieved: "2026-01-01", notes: "" } },
    assignment: { id: "a1", className: "Class A" },
    revision: { id: "r1", number: 1 },
    text,
    blocks,
    corrected: { text: result.text, blocks: result.correctedBlocks },
    pieces: result.pieces,
    errata,
    alreadyFixed: [],
    peerFlagsVisible,
  };
}

function render(doc: ErrataDocument): string {
  return renderToStaticMarkup(createElement(ErrataView, { errata: doc, markdownHref: "/essays/s/errata/markdown?assignment=a1" }));
}

describe("ErrataView", () => {
  it("opens on the changes: struck removal, marked insertion, a numbered link to the list entry", () => {
    const html = render(errataDoc([dateErratum]));
    expect(html).toContain('aria-pressed="true">Changes</button>');
    expect(html).toContain('aria-pressed="false">Corrected</button>');
    expect(html).toMatch(/<del class="errata-removed"><span class="visually-hidden">removed: <\/span>1995<\/del>/);
    expect(html).toMatch(/<ins class="errata-inserted"><span class="visually-hidden">inserted: <\/span>1955<\/ins><sup class="erratum-ref"><a href="#erratum-1" aria-label="Erratum 1">1<\/a><\/sup>/);
    expect(html).toContain('<li id="erratum-1" value="1" class="erratum" tabindex="-1">');
    expect(html).toContain("found by Ana Petrova, Ben Hughes");
  });

  it("links only safe http(s) evidence, as user content", () => {
    const html = render(errataDoc([dateErratum]));
    expect(html).toContain('<a href="https://example.org/t" rel="noopener noreferrer nofollow ugc" target="_blank"');
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="/essays/s/errata/markdown?assignment=a1" download=""');
  });

  it("shows an empty state and no toggle when nothing is verified", () => {
    const html = render(errataDoc([], false));
    expect(html).toContain("No errata yet");
    expect(html).toContain("classmates&#x27; flags are not visible to you yet");
    expect(html).not.toContain("aria-pressed");
    expect(html).toContain(">Original text</h2>");
    expect(html).toContain("In 1995 the central committee");
  });
});
