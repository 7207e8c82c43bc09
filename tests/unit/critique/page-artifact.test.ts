import { describe, expect, it } from "vitest";
import { blocksInput, hintsOf, summarize } from "./helpers";

const artifacts = (...blocks: Array<string | readonly ["quote" | "listItem" | "heading", string]>) =>
  hintsOf("page-artifact", blocksInput(blocks));

describe("page-artifact", () => {
  it("positive: the chrome of a scraped essay site, each to be deleted", () => {
    const hints = artifacts(
      "Authors Avatar",
      "Author’s Avatar",
      "Join now!",
      "The speech shocked them. Read more…",
      "Sign up to view the whole essay",
      "Download this essay",
      "This is a preview of the whole essay",
      "Page 1 of 3",
      "Words: 997",
    );
    expect(hints.map((h) => h.exact)).toEqual([
      "Authors Avatar",
      "Author’s Avatar",
      "Join now!",
      "Read more…",
      "Sign up to view the whole essay",
      "Download this essay",
      "This is a preview of the whole essay",
      "Page 1 of 3",
      "Words: 997",
    ]);
    for (const h of hints) expect(h).toMatchObject({ category: "page_artifact", suggestion: "" });
  });

  it("positive: a block cut off by a trailing ellipsis", () => {
    const hints = artifacts(["listItem", "Truly wished to change the course of the development of the ..."], "It was cut …");
    expect(hints.map((h) => h.exact)).toEqual(["...", "…"]);
    expect(hints[0].confidence).toBeGreaterThan(hints[1].confidence);
  });

  it("negative: the same words in prose, an elided quotation, and an author's own trailing thought", () => {
    expect(
      summarize(
        artifacts(
          "Students who want to read more... can join now, and the author's avatar is irrelevant.",
          "Khrushchev said: “We must abolish the cult of the individual …”",
          ["quote", "We must abolish the cult of the individual decisively, once and for all …"],
          "And so it went...",
          "This preview of the period is brief.",
        ),
      ),
    ).toEqual([]);
  });
});
