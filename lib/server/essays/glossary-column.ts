import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { readStoredGlossary, type Glossary } from "@/lib/validation/glossary";

/** A glossary as the essay_revisions.glossary column stores it: JSON, or SQL NULL for none. */
export function glossaryColumn(glossary: Glossary | null | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return glossary ? (glossary as unknown as Prisma.InputJsonValue) : Prisma.DbNull;
}

/** True when two glossaries (stored JSON or checked values) say the same: compared as their canonical JSON. */
export function isSameGlossary(a: unknown, b: unknown): boolean {
  return JSON.stringify(readStoredGlossary(a)) === JSON.stringify(readStoredGlossary(b));
}
