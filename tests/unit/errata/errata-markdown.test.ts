import { describe, expect, it } from "vitest";
import type { EvidenceDTO } from "@/lib/annotations/types";
import { applyCorrections, type Correction } from "@/lib/errata/apply-corrections";
import { erratumMarkdownLine, errataToMarkdown } from "@/lib/errata/errata-markdown";
import type { ErrataDocument, ErratumEntry } from "@/lib/errata/types";
import { essay, fix, secretSpeech } from "./fixtures";

const source = {
  title: "DeStalinization, The Origins.",
  author: "Unknown student",
  source: "Preview page",
  sourceUrl: "https://example.org/essay",
  retrieved: "2026-11-27",
  notes: "Kept verbatim.",
};

const hobsbawm: EvidenceDTO = {
  title: "Khrushchev: The Man and His Era",
  author: "William Taubman",
  year: "2003",
  url: "https://example.org/taubman?p=270",
  locator: "p. 270",
  quote: "the commission, set up in late 1955",
};

function entry(number: number | null, original: string, correction: string, more: Partial<ErratumEntry> = {}): ErratumEntry {
  return {
    id: `e${number}`,
    number,
    original,
    correction,
    category: "date_number",
    categoryLabel: "Wrong date or number",
    finders: ["Ana Petrova", "Ben Hughes"],
    evidence: [],
    fixedInSource: false,
    outcome: "applied",
    ...more,
  };
}

/** A document as findErrata would build it, from a text and its corrections. */
function errataDoc(text: string, blocks: ErrataDocument["blocks"], corrections: Correction[], errata: ErratumEntry[], alreadyFixed: ErratumEntry[] = []): ErrataDocument {
  const result = applyCorrections({ text, blocks, corrections });
  return {
    essay: { slug: "destalinization-origins", meta: source },
    assignment: { id: "a1", className: "Class A" },
    revision: { id: "r1", number: 2 },
    text,
    blocks,
    corrected: { text: result.text, blocks: result.correctedBlocks },
    pieces: result.pieces,
    errata,
    alreadyFixed,
    peerFlagsVisible: true,
  };
}

describe("erratumMarkdownLine", () => {
  it("reads original → correction, category, finders and full evidence", () => {
    expect(erratumMarkdownLine(entry(1, "1995", "1955", { evidence: [hobsbawm] }))).toBe(
      "“1995” → “1955” — Wrong date or number — found by Ana Petrova, Ben Hughes — Evidence: Khrushchev: The Man and His Era, William Taubman (2003), p. 270, <https://example.org/taubman?p=270>, “the commission, set up in late 1955”",
    );
  });

  it("names deletions and insertions, and leaves out what is empty", () => {
    expect(erratumMarkdownLine(entry(2, "Join now!", "", { finders: [] }))).toBe("“Join now!” → (deleted) — Wrong date or number");
    expect(erratumMarkdownLine(entry(3, "", "y", { finders: ["Ana"] }))).toBe("(nothing) → “y” — Wrong date or number — found by Ana");
    const partial = { ...hobsbawm, author: "", year: "", locator: "", url: null, quote: "" };
    expect(erratumMarkdownLine(entry(4, "a", "b", { finders: [], evidence: [partial, { ...partial, title: "Second" }] }))).toBe(
      "“a” → “b” — Wrong date or number — Evidence: Khrushchev: The Man and His Era; Second",
    );
  });

  it("escapes people's text and drops links that are not plain http(s)", () => {
    const hostile = entry(1, "*1995*", "**1955** <img src=x onerror=alert(1)>\n# Heading", {
      finders: ["_Eve_ [x](javascript:alert(1))"],
      evidence: [{ ...hobsbawm, title: "`code` | table", url: "javascript:alert(1)", quote: "" }],
    });
    expect(erratumMarkdownLine(hostile)).toBe(
      "“\\*1995\\*” → “\\*\\*1955\\*\\* \\<img src=x onerror=alert(1)\\> # Heading” — Wrong date or number — found by \\_Eve\\_ \\[x\\](javascript:alert(1)) — Evidence: \\`code\\` \\| table, William Taubman (2003), p. 270",
    );
    const mail = entry(1, "a", "b", { finders: [], evidence: [{ ...hobsbawm, url: "mailto:me@example.org", quote: "" }] });
    expect(erratumMarkdownLine(mail)).not.toContain("mailto");
  });

  it("says why a correction was not applied", () => {
    const skipped = entry(2, "1995 the", "1955 the", { finders: [], outcome: "skipped", skip: { reason: "overlap", overlapsWith: 1 } });
    expect(erratumMarkdownLine(skipped)).toBe("“1995 the” → “1955 the” — Wrong date or number — not applied: it overlaps erratum 1");
  });
});

describe("errataToMarkdown", () => {
  it("writes title, provenance, the corrected text as Markdown and the numbered errata", () => {
    const { text, blocks } = secretSpeech;
    const doc = errataDoc(text, blocks, [fix(text, "1995", "1955", 1), fix(text, "Part", "Party", 2)], [
      entry(1, "1995", "1955", { evidence: [hobsbawm] }),
      entry(2, "Part", "Party", { category: "term_spelling", categoryLabel: "Wrong term or spelling", finders: ["Ben Hughes"] }),
    ]);
    expect(errataToMarkdown(doc, { generatedAt: new Date("2026-12-01T10:00:00Z") })).toBe(
      [
        "# Errata: DeStalinization, The Origins.",
        "",
        "Source: [Preview page](<https://example.org/essay>) · Author: Unknown student · Retrieved: 27 November 2026 · Class: Class A · Revision 2 · Errata as of 1 December 2026",
        "",
        "## Corrected text",
        "",
        "##### The Origins",
        "",
        "- In 1955 the central committee set up a commission.",
        "- The Twentieth Party Congress met in February of 1956.",
        "",
        "## Errata",
        "",
        "1. “1995” → “1955” — Wrong date or number — found by Ana Petrova, Ben Hughes — Evidence: Khrushchev: The Man and His Era, William Taubman (2003), p. 270, <https://example.org/taubman?p=270>, “the commission, set up in late 1955”",
        "2. “Part” → “Party” — Wrong term or spelling — found by Ben Hughes",
        "",
      ].join("\n"),
    );
  });

  it("escapes Markdown in the essay text so no line changes its meaning", () => {
    const { text, blocks } = essay(
      ["heading", "Title #", 1],
      ["paragraph", "# not a heading"],
      ["paragraph", "1. not a list, *not* emphasis, <b>not html</b> & [not](a link)"],
      ["quote", "> not nested"],
      ["listItem", "- not a nested bullet"],
      ["paragraph", "    not code"],
    );
    const body = errataToMarkdown(errataDoc(text, blocks, [], [])).split("## Corrected text\n\n")[1].split("\n\n## Errata")[0];
    expect(body.split("\n")).toEqual([
      "### Title \\#",
      "",
      "\\# not a heading",
      "",
      "1\\. not a list, \\*not\\* emphasis, \\<b\\>not html\\</b\\> \\& \\[not\\](a link)",
      "",
      "> \\> not nested",
      "",
      "- \\- not a nested bullet",
      "",
      "&#32;&#32;&#32;&#32;not code",
    ]);
  });

  it("drops blocks emptied by a deletion and keeps one line per block", () => {
    const { text, blocks } = essay(["paragraph", "Keep."], ["paragraph", "Join now!"], ["paragraph", "Also keep."]);
    const doc = errataDoc(text, blocks, [fix(text, "Join now!", "", 1)], [entry(1, "Join now!", "", { category: "page_artifact", categoryLabel: "Page artifact" })]);
    expect(errataToMarkdown(doc)).toContain("## Corrected text\n\nKeep.\n\nAlso keep.\n\n## Errata");
  });

  it("says so when nothing is verified, and lists flags the source already fixed", () => {
    const { text, blocks } = secretSpeech;
    const empty = errataToMarkdown(errataDoc(text, blocks, [], []));
    expect(empty).toContain("## Errata\n\nNo errata have been verified yet.\n");
    expect(empty).not.toContain("Errata as of");
    expect(empty).not.toContain("Already fixed");

    const fixed = entry(null, "Desalinization", "Destalinization", { fixedInSource: true, outcome: "fixed_in_source", finders: ["Ana"] });
    const withFixed = errataToMarkdown(errataDoc(text, blocks, [], [], [fixed]));
    expect(withFixed).toMatch(/## Already fixed in the source\n\n- “Desalinization” → “Destalinization” — Wrong date or number — found by Ana\n$/);
  });

  it("leaves an unsafe source address unlinked", () => {
    const { text, blocks } = secretSpeech;
    const doc = errataDoc(text, blocks, [], []);
    doc.essay.meta = { ...source, sourceUrl: "javascript:alert(1)", source: "Evil [site]" };
    const markdown = errataToMarkdown(doc);
    expect(markdown).toContain("Source: Evil \\[site\\] · Author");
    expect(markdown).not.toContain("javascript");
  });
});

describe("transcription errors in the download", () => {
  it("are listed in a section of their own, after the source's errata, and not among them", () => {
    const { text, blocks } = essay(["paragraph", "In 1995 a new mation was born."]);
    const date = entry(1, "1995", "1955");
    const misread = entry(2, "mation", "nation", { id: "t1", category: "transcription", categoryLabel: "Transcription error", finders: ["Ana"] });
    const fixed = entry(null, "Libcrty", "Liberty", { id: "t2", category: "transcription", categoryLabel: "Transcription error", finders: [], outcome: "fixed_in_source", fixedInSource: true });
    const md = errataToMarkdown(errataDoc(text, blocks, [fix(text, "1995", "1955", 1), fix(text, "mation", "nation", 2)], [date, misread], [fixed]));
    const [, errataPart] = md.split("## Errata\n\n");
    const [sourceErrata, transcriptionPart] = errataPart.split("## Transcription errors\n\n");
    expect(sourceErrata.trim()).toBe("1. “1995” → “1955” — Wrong date or number — found by Ana Petrova, Ben Hughes");
    expect(md).not.toContain("## Already fixed in the source");
    expect(transcriptionPart).toBe(
      "The scan was misread here, not written wrong: corrections to the transcription, not to the source.\n\n" +
        "- 2. “mation” → “nation” — Transcription error — found by Ana\n" +
        "- “Libcrty” → “Liberty” — Transcription error — already corrected\n",
    );
  });
});
