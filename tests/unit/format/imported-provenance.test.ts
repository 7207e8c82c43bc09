import { describe, expect, it } from "vitest";
import { describeImported } from "@/lib/format/imported-provenance";

const importedAt = "2026-12-02T17:00:00.000Z";

describe("the provenance line of an imported item", () => {
  it("names the file's creator and its date, in UTC", () => {
    expect(describeImported({ importedAt, originalCreator: "Ana Petrova", originalCreated: "2020-01-01T00:00:00.000Z" }, "UTC")).toBe(
      "Imported · originally by Ana Petrova, 1 Jan 2020",
    );
    // Late on 31 December in UTC is still 31 December, wherever the reader is.
    expect(describeImported({ importedAt, originalCreator: "Ana", originalCreated: "2019-12-31T23:30:00.000Z" }, "UTC")).toBe("Imported · originally by Ana, 31 Dec 2019");
  });

  it("says only what the file said", () => {
    expect(describeImported({ importedAt, originalCreator: "historian42", originalCreated: null }, "UTC")).toBe("Imported · originally by historian42");
    expect(describeImported({ importedAt, originalCreator: null, originalCreated: "2021-06-15T12:00:00.000Z" }, "UTC")).toBe("Imported · originally 15 Jun 2021");
    expect(describeImported({ importedAt, originalCreator: "  ", originalCreated: "not a date" }, "UTC")).toBe("Imported");
  });
});
