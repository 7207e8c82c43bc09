import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fromW3CAnnotation, toAnnotationCollection, toW3CAnnotation, W3C_MOTIVATIONS } from "@/lib/w3c";
import { findConformanceDir, suiteTitle } from "../../helpers/conformance";
import {
  COLLECTION_MUSTS,
  loadMotivationList,
  loadMustValidator,
  modelDir,
  PAGE_MUSTS,
  readSample,
  type MustValidator,
} from "../../helpers/w3c-validator";
import { ALL_SHAPES, OPTIONS } from "./fixtures";

const dir = findConformanceDir();

/** The samples of one folder; none on a clone without the material (the suite is skipped then). */
function samples(sub: string): [string, unknown][] {
  if (!dir) return [];
  const folder = path.join(modelDir(dir), sub);
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f, readSample(path.join(folder, f))]);
}

describe.skipIf(!dir)(suiteTitle("W3C MUST schemas"), () => {
  // Loaded in beforeAll, not while collecting: a skipped suite's body still runs, and must not read a missing folder.
  const root = dir ?? "";
  let validate: MustValidator;
  let motivations: string[];
  beforeAll(() => {
    validate = loadMustValidator(root);
    motivations = loadMotivationList(root);
  });
  const exported = Object.entries(ALL_SHAPES).map(([name, a]) => [name, toW3CAnnotation(a, OPTIONS)] as const);

  it("loads exactly the 54 MUST assertions", () => {
    expect(validate.schemaCount).toBe(54);
    expect(new Set(validate.schemaIds).size).toBe(54);
  });

  it.each(exported)("exported %s passes all 54 MUSTs", (_name, annotation) => {
    expect(validate(annotation).failures).toEqual([]);
  });

  it("uses only motivations and purposes from the model's list", () => {
    expect([...W3C_MOTIVATIONS]).toEqual(motivations);
    for (const [, a] of exported) {
      expect(motivations).toContain(a.motivation);
      for (const b of a.body ?? []) expect(motivations).toContain(b.purpose);
    }
  });

  it("exports a collection and its pages that pass the collection, page and annotation MUSTs", () => {
    const collectionMusts = loadMustValidator(root, COLLECTION_MUSTS);
    const pageMusts = loadMustValidator(root, PAGE_MUSTS);
    expect([collectionMusts.schemaCount, pageMusts.schemaCount]).toEqual([10, 15]);

    const items = exported.map(([, a]) => a);
    const options = { id: "https://marginalia.example/essays/one-hundred-years/annotations", label: "Essay", pageSize: 4 };
    const { collection, page: first } = toAnnotationCollection(items, { ...options, page: 0 });
    const { page: second } = toAnnotationCollection(items, { ...options, page: 1 });
    expect(collectionMusts(collection).failures).toEqual([]);
    for (const page of [first, second]) {
      expect(page).not.toBeNull();
      expect(pageMusts(page).failures).toEqual([]);
      for (const item of page?.items ?? []) expect(validate(item).failures).toEqual([]);
    }
    const empty = toAnnotationCollection([], { ...options, page: 0 });
    expect(collectionMusts(empty.collection).failures).toEqual([]);
    expect(pageMusts(empty.page).failures).toEqual([]);
  });

  it.each(samples("our-shape/valid"))("our-shape/valid/%s passes and imports", (_file, sample) => {
    expect(validate(sample).failures).toEqual([]);
    const imported = fromW3CAnnotation(sample);
    expect(imported.ok ? imported.annotation.kind : imported.message).toMatch(/^(highlight|comment|reply|flag)$/);
  });

  it.each(samples("our-shape/invalid"))("our-shape/invalid/%s fails a MUST", (file, sample) => {
    expect(validate(sample).ok).toBe(false);
    // Import is deliberately lenient about a missing @context: annotations
    // embedded in an AnnotationPage inherit the page's context.
    expect(fromW3CAnnotation(sample).ok).toBe(file === "no-context.json");
  });

  it("lets an unknown motivation through the MUSTs but not the motivation list", () => {
    const [[, sample]] = samples("our-shape/not-must");
    expect(validate(sample).ok).toBe(true);
    expect(motivations).not.toContain((sample as { motivation: string }).motivation);
  });

  it("agrees with upstream about the sample annotations", () => {
    // NOTES.md: anno11–13 use terms dropped from the REC and 4 files are
    // collections/pages, so 38 of the 45 "correct" files pass; no incorrect one does.
    const correct = samples("tools/samples/correct");
    const passing = correct.filter(([, s]) => validate(s).ok).map(([f]) => f);
    expect(correct).toHaveLength(45);
    expect(passing).toHaveLength(38);
    expect(passing).not.toContain("anno11.json");
    const incorrect = samples("tools/samples/incorrect");
    expect(incorrect.filter(([, s]) => validate(s).ok).map(([f]) => f)).toEqual([]);
  });
});
