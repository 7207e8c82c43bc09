import type { ImportedDTO } from "@/lib/annotations/types";

/** Day, short month and year in UTC, so server and browser print the same date ("1 Jan 2020"). */
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * The provenance line of an imported item: "Imported · originally by X,
 * 1 Jan 2020". The file's creator and date are only ever shown as this text,
 * never as an author or a posting time, since a file can claim anything.
 */
export function describeImported(imported: ImportedDTO): string {
  const by = imported.originalCreator?.trim() ? `by ${imported.originalCreator.trim()}` : "";
  const time = imported.originalCreated ? Date.parse(imported.originalCreated) : Number.NaN;
  const when = Number.isNaN(time) ? "" : DAY.format(time);
  const origin = [by, when].filter(Boolean).join(", ");
  return origin ? `Imported · originally ${origin}` : "Imported";
}
