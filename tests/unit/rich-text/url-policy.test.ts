import { describe, expect, it } from "vitest";
import { isSafeHref, MAX_HREF_LENGTH, normalizeHref } from "@/lib/rich-text";
import { HOSTILE_HREFS } from "./fixtures";

describe("URL policy for links in comments", () => {
  it("accepts web and email addresses, in normalised form", () => {
    expect(normalizeHref("https://en.wikipedia.org/wiki/Revolutions_of_1848")).toBe(
      "https://en.wikipedia.org/wiki/Revolutions_of_1848",
    );
    expect(normalizeHref("HTTP://Example.ORG")).toBe("http://example.org/");
    expect(normalizeHref("https://example.org/a(b)?q=<x>#frag")).toBe("https://example.org/a(b)?q=%3Cx%3E#frag");
    expect(normalizeHref("mailto:teacher@school.example?subject=Essay")).toBe(
      "mailto:teacher@school.example?subject=Essay",
    );
    expect(normalizeHref("https://bücher.example/")).toBe("https://xn--bcher-kva.example/");
  });

  it.each(HOSTILE_HREFS.map((href) => [JSON.stringify(href), href]))("rejects %s", (_label, href) => {
    expect(normalizeHref(href)).toBeNull();
    expect(isSafeHref(href)).toBe(false);
  });

  it("rejects non-strings and over-long addresses", () => {
    for (const value of [undefined, null, 42, {}, ["https://a.example"]]) expect(isSafeHref(value)).toBe(false);
    const long = `https://example.org/${"a".repeat(MAX_HREF_LENGTH)}`;
    expect(isSafeHref(long)).toBe(false);
  });
});
