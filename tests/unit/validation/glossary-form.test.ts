import { describe, expect, it } from "vitest";
import { glossaryFieldsSchema, glossaryToFields, parsePersonLine } from "@/lib/validation/glossary-form";

describe("the glossary boxes of the reading form", () => {
  it("read a period, one term per line and one person per line", () => {
    const glossary = glossaryFieldsSchema.parse({
      periodStart: "1917",
      periodEnd: "1964",
      terms: "Presidium\n\n  Party Congress  \n",
      people: "Joseph Stalin, 1878–1953, in office 1924–1953\nLeon Trotsky, 1879-1940\nNikita Khrushchev, died 1971",
    });
    expect(glossary).toEqual({
      period: { start: 1917, end: 1964 },
      terms: ["Presidium", "Party Congress"],
      people: [
        { name: "Joseph Stalin", born: 1878, died: 1953, office: [{ start: 1924, end: 1953 }] },
        { name: "Leon Trotsky", born: 1879, died: 1940 },
        { name: "Nikita Khrushchev", died: 1971 },
      ],
    });
  });

  it("give null for empty boxes: a reading needs no glossary", () => {
    expect(glossaryFieldsSchema.parse({ periodStart: "", periodEnd: "", terms: " \n", people: "" })).toBeNull();
  });

  it("name the box and the line of a mistake", () => {
    const result = glossaryFieldsSchema.safeParse({ periodStart: "1917", periodEnd: "", terms: "", people: "Stalin, 1878–1953\nLenin, soon" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "People, line 2: “soon” is not understood: write “1878–1953” for the years of life and “in office 1924–1953”.",
      "Give both years of the period, or neither.",
    ]);
    expect(parsePersonLine(", 1900")).toBe("starts with a comma: write the name first");
  });

  it("write a stored glossary back into the boxes it was read from", () => {
    const fields = {
      periodStart: "1917",
      periodEnd: "1964",
      terms: "Presidium",
      people: "Joseph Stalin, 1878–1953, in office 1924–1953\nLeon Trotsky, 1879–",
    };
    const glossary = glossaryFieldsSchema.parse(fields);
    expect(glossaryToFields(glossary)).toEqual(fields);
    expect(glossaryToFields(null)).toEqual({ periodStart: "", periodEnd: "", terms: "", people: "" });
  });
});
