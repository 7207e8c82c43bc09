import type { ImportedDTO } from "@/lib/annotations/types";
import { formatDate } from "./dates";

/**
 * The provenance line of an imported item: "Imported · originally by X,
 * 1 Jan 2020". The file's creator and date are only ever shown as this text,
 * never as an author or a posting time, since a file can claim anything.
 * The date is written in the school's time zone, like every other.
 */
export function describeImported(imported: ImportedDTO, timeZone: string): string {
  const by = imported.originalCreator?.trim() ? `by ${imported.originalCreator.trim()}` : "";
  const time = imported.originalCreated ? Date.parse(imported.originalCreated) : Number.NaN;
  const when = Number.isNaN(time) ? "" : formatDate(time, timeZone, "short");
  const origin = [by, when].filter(Boolean).join(", ");
  return origin ? `Imported · originally ${origin}` : "Imported";
}
