import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseRichText, type TiptapDoc } from "@/lib/rich-text";

/** Checks a Tiptap body against the whitelist; a 422 names the first problem in plain words. */
export function checkBody(input: unknown, noun: "comment" | "reply" | "rationale"): TiptapDoc {
  if (input === undefined || input === null) throw new AppError("invalid", `Write your ${noun} first.`);
  const parsed = parseRichText(input, { noun });
  if (!parsed.ok) throw new AppError("invalid", parsed.message, { issues: parsed.issues });
  return parsed.doc;
}

/** A checked document as a Prisma JSON value. */
export function toJson(doc: TiptapDoc): Prisma.InputJsonObject {
  return doc as unknown as Prisma.InputJsonObject;
}
