import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import type { AnySchemaObject, ValidateFunction } from "ajv-draft-04";

/**
 * Validates documents against the W3C Web Annotation conformance schemas
 * (w3c/web-annotation-tests, JSON Schema draft-04). Shared by unit and
 * integration tests. `dir` is the conformance folder from findConformanceDir().
 */

/** Outcome of checking one document: the failed assertions' error messages. */
export interface MustResult {
  ok: boolean;
  failures: string[];
}

/** A loaded validator; `schemaCount` tells how many assertions it checks. */
export type MustValidator = ((doc: unknown) => MustResult) & {
  schemaCount: number;
  schemaIds: string[];
};

/** The annotation MUST list; collections and pages have their own. */
export const ANNOTATION_MUSTS = "annotations/annotationMusts.test";
export const COLLECTION_MUSTS = "collections/collectionMusts.test";
export const PAGE_MUSTS = "collections/pages/pageMusts.test";

// ajv-formats is not installed; these follow the schemas' intent. "uri" must
// be absolute (a relative id such as "123" fails); date-time needs a timezone.
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function readJson(file: string): AnySchemaObject {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as AnySchemaObject;
  } catch {
    // Some upstream samples have trailing commas (see NOTES.md); strip them.
    return JSON.parse(text.replace(/,(\s*[}\]])/g, "$1")) as AnySchemaObject;
  }
}

/** The model folder inside the conformance dir. */
export function modelDir(dir: string): string {
  return path.join(dir, "w3c-annotation-model");
}

/**
 * Reads a sample, tolerating the upstream trailing commas. One upstream
 * "incorrect" sample is not JSON at all; it comes back as its raw text, which
 * every validator must then refuse.
 */
export function readSample(file: string): unknown {
  try {
    return readJson(file);
  } catch {
    return readFileSync(file, "utf8");
  }
}

function createAjv(root: string): Ajv {
  const ajv = new Ajv({ allErrors: false, strict: false, logger: false });
  ajv.addFormat("uri", URI);
  ajv.addFormat("date-time", (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
  // Assertions $ref definitions by bare file name ("id.json#/definitions/…").
  const defs = path.join(root, "definitions");
  for (const file of readdirSync(defs).filter((f) => f.endsWith(".json"))) {
    ajv.addSchema({ ...readJson(path.join(defs, file)), id: file });
  }
  return ajv;
}

/**
 * Compiles every assertion listed in a `*.test` file (default: the 54
 * annotation MUSTs) and returns a checker. A document passes an assertion
 * when the schema's verdict matches its `expectedResult`.
 */
export function loadMustValidator(dir: string, testFile: string = ANNOTATION_MUSTS): MustValidator {
  const root = modelDir(dir);
  const ajv = createAjv(root);
  const list = readJson(path.join(root, testFile)) as { assertions: string[] };

  const checks: { id: string; expectValid: boolean; message: string; validate: ValidateFunction }[] =
    list.assertions.map((rel) => {
      const schema = readJson(path.join(root, rel));
      // The file name is the unique key: two upstream schemas carry an id
      // that does not match their file, one of them shared with another file.
      const id = path.basename(rel);
      return {
        id,
        expectValid: schema.expectedResult !== "invalid",
        message: String(schema.errorMessage ?? schema.title ?? id),
        validate: ajv.compile({ ...schema, id }),
      };
    });

  const validator = (doc: unknown): MustResult => {
    const failures = checks
      .filter((c) => (c.validate(doc) as boolean) !== c.expectValid)
      .map((c) => `${c.id}: ${c.message}`);
    return { ok: failures.length === 0, failures };
  };
  return Object.assign(validator, {
    schemaCount: checks.length,
    schemaIds: checks.map((c) => c.id),
  });
}

/** Values allowed for motivation and purpose (definitions/annotations.json). */
export function loadMotivationList(dir: string): string[] {
  const defs = readJson(path.join(modelDir(dir), "definitions", "annotations.json"));
  return (defs.definitions.motivationList as { enum: string[] }).enum;
}
