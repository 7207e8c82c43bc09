import { createHash } from "node:crypto";

/**
 * Namespace of every id derived for imported annotations and replies. Fixed
 * forever: changing it would make a second import of an old file look new
 * and duplicate everything in it.
 */
export const IMPORT_ID_NAMESPACE = "87a3210c-9f94-4cc8-b942-9403574b1445";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID, version 5 (RFC 9562 section 5.5): SHA-1 of the namespace's
 * 16 bytes followed by the UTF-8 name, with the version and variant bits set.
 * Throws TypeError when `namespace` is not a UUID.
 */
export function uuidV5(namespace: string, name: string): string {
  if (!UUID.test(namespace)) throw new TypeError(`namespace must be a UUID, got ${JSON.stringify(namespace)}`);
  const bytes = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id an imported item gets in one assignment: the same source IRI always
 * gives the same id there, so importing a file twice finds the first copy
 * instead of writing a second. The assignment is part of the name because
 * one file may be imported into several assignments, and ids are global.
 */
export function deriveImportId({ assignmentId, iri }: { assignmentId: string; iri: string }): string {
  // Assignment ids contain no spaces, so the pair cannot be read two ways.
  return uuidV5(IMPORT_ID_NAMESPACE, `${assignmentId} ${iri}`);
}
