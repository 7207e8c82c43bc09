import { describe, expect, it } from "vitest";
import { deriveImportId, IMPORT_ID_NAMESPACE, uuidV5 } from "@/lib/w3c/import-id";

const DNS_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const IRI = "https://marginalia.example/annotations/0b7c3f2e-1111-4a4a-8c8c-123456789abc";

describe("uuidV5", () => {
  it("matches the RFC algorithm (Python's uuid5(NAMESPACE_DNS, 'python.org'))", () => {
    expect(uuidV5(DNS_NAMESPACE, "python.org")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });

  it("refuses a namespace that is not a UUID", () => {
    expect(() => uuidV5("not-a-uuid", "x")).toThrow(TypeError);
  });
});

describe("deriveImportId", () => {
  it("gives the same id for the same IRI in the same assignment, so a second import finds the first", () => {
    const once = deriveImportId({ assignmentId: "asg1", iri: IRI });
    expect(deriveImportId({ assignmentId: "asg1", iri: IRI })).toBe(once);
    expect(once).toBe(uuidV5(IMPORT_ID_NAMESPACE, `asg1 ${IRI}`));
  });

  it("is a version 5, RFC-variant UUID, as the app's id checks expect", () => {
    expect(deriveImportId({ assignmentId: "asg1", iri: IRI })).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("differs between assignments and between IRIs, so one file can go into several assignments", () => {
    const ids = new Set([
      deriveImportId({ assignmentId: "asg1", iri: IRI }),
      deriveImportId({ assignmentId: "asg2", iri: IRI }),
      deriveImportId({ assignmentId: "asg1", iri: `${IRI}x` }),
    ]);
    expect(ids.size).toBe(3);
  });
});
