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

  it.each([
    ["a byline", "Posted by webmaster on 12 June 2018"],
    ["a byline without an author", "Published on May 4, 2021"],
    ["a labelled link to another page", "Read more: How the Treaty of Versailles Was Made"],
    ["a list of tags, some in lower case", "Tags: Weimar Republic, hyperinflation, Stresemann, Dawes Plan"],
    ["a pager between guillemets", "« Previous: The Congress of Berlin | Next: The Balkan Wars »"],
    ["a citation widget with its address", "Cite this essay: The Long March. (2019, Jan 3). Retrieved from https://www.example.org/long-march"],
  ])("positive: %s standing alone as a block", (_, block) => {
    expect(artifacts("The wall fell in 1989.", block, "Germany was reunified.").map((h) => h.exact)).toEqual([block]);
  });

  it("positive: an advertisement with a quoted essay title, and a topic link closing a paragraph", () => {
    const hints = artifacts(
      "Don't use plagiarized sources. Get your custom essay on “Why the Weimar Republic Failed” just from $9.90/page",
      "The Rentenmark ended the inflation in 1924. Read more essays about The Dawes Plan",
    );
    expect(hints.map((h) => h.exact)).toEqual([
      "Don't use plagiarized sources. Get your custom essay on “Why the Weimar Republic Failed” just from $9.90/page",
      "Read more essays about The Dawes Plan",
    ]);
  });

  it("negative: a label and a colon that are prose, a sentence that starts like a byline, a quoted pager", () => {
    expect(
      summarize(
        artifacts(
          "The result: millions starved in the winter of 1921.",
          "Terms: the treaty gave the Rhineland to Prussia.",
          "Published in 1848, the Manifesto called for revolution.",
          "Posted to Siberia in 1905, he wrote home every week.",
          "Read more: that was the advice the ministry gave to every teacher.",
          "“Next: Warsaw!” the commander wrote.",
          "The inflation ruined savers. Historians have written more books on Weimar than on any other republic.",
          "Posters read “Join now!” and more.",
        ),
      ),
    ).toEqual([]);
  });

  it("the year in a byline is not one of the essay's dates", () => {
    const hints = hintsOf(
      "anachronistic-year",
      blocksInput([
        "Posted by admin on March 3, 2019",
        "The Allies landed in 1943 and Rome fell in 1944. In June 1954 the Normandy landings began, and Paris was freed in 1944; Berlin fell in 1945 and Japan surrendered in 1945.",
      ]),
    );
    expect(hints.map((h) => [h.exact, h.suggestion])).toEqual([["1954", "1944"]]);
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

describe("page-artifact, round three: cookie banners and breadcrumb trails", () => {
  it("positive: a cookie banner of two sentences and a breadcrumb trail, each a block of its own", () => {
    const hints = artifacts(
      "We use cookies to give you the best experience possible. By continuing we'll assume you're on board with our cookie policy.",
      "Home > Essays > History > Early Modern Europe",
      "Home » Free Essays » The Peninsular War",
      "Posted on 14 February 2021 by HistoryHelp",
      "The war began in 1808 and ended in 1814.",
    );
    expect(hints.map((h) => h.exact)).toEqual([
      "We use cookies to give you the best experience possible. By continuing we'll assume you're on board with our cookie policy.",
      "Home > Essays > History > Early Modern Europe",
      "Home » Free Essays » The Peninsular War",
      "Posted on 14 February 2021 by HistoryHelp",
    ]);
  });

  it("negative: prose with the banner's words, comparisons and slashes", () => {
    expect(
      summarize(
        artifacts(
          "It was the best possible outcome for Britain, and the king was happy to give it.",
          "Prices in 1848 > prices in 1830 / 2, as the tables show.",
          "Britain > France > Spain in naval power by 1805, as the admirals knew.",
          "The Act would allow tenants to join a union if necessary.",
          "Published in 1848 by Marx and Engels.",
        ),
      ),
    ).toEqual([]);
  });
});
