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

  it.each([
    ["a share bar", "Share this: Facebook | Twitter | Email"],
    ["share buttons", "Tweet Share Pin"],
    ["a citation widget", "Cite this essay: APA | MLA | Harvard | Chicago"],
    ["a report button", "Report this essay"],
    ["an advertisement of two sentences", "This essay was submitted by a student. Click here to get a custom essay written for you."],
    ["a cookie banner", "We use cookies to improve your experience. Accept all"],
    ["a rating widget", "Rate this essay: 4.2/5 (18 votes)"],
    ["a list of related pages", "Related essays"],
  ])("positive: %s standing alone as a block", (_, block) => {
    expect(artifacts("The wall fell in 1989.", block, "Germany was reunified.").map((h) => [h.exact, h.confidence])).toEqual([[block, 0.95]]);
  });

  it("positive: chrome at a block's edge, not in its middle", () => {
    const hints = artifacts("Page 2 of 3. The actual fall of the wall was almost an accident.", "The guards opened the gates. Share this: Facebook | Twitter");
    expect(hints.map((h) => h.exact)).toEqual(["Page 2 of 3.", "Share this: Facebook | Twitter"]);
    expect(hints[0].evidence[0].note).toMatch(/opens its paragraph/);
  });

  it("negative: a quoted slogan is never chrome, alone or in a sentence (“Join now!” on a 1914 poster)", () => {
    expect(
      summarize(
        artifacts(
          "Recruiting posters of 1914 urged “Join now!” and “Your Country Needs You”.",
          "“Join now!”",
          ["quote", "Join now!"],
          "\"Share this with your friends,\" the pamphlet said, and they did.",
          "In this essay I will argue that money problems started it. Historians cite the reports of Roger Casement.",
          "The people used the printing press to share ideas; more and more read them.",
        ),
      ),
    ).toEqual([]);
  });
});
