import { ContentError } from "./errors";
import { splitFrontMatter } from "./front-matter";
import type { EssayMeta } from "./types";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The provenance of a PDF in the content folder, from the YAML file beside it
 * (`<slug>.pdf` + `<slug>.yml`): the same fields, checked by the same rule,
 * as an essay's front matter. Throws ContentError with the reason.
 */
export function parseSourceMeta(fileName: string, yaml: string): EssayMeta {
  if (yaml.includes("\u0000")) throw new ContentError(fileName, "is binary, not text");
  const split = splitFrontMatter(`---\n${yaml.replace(/^\uFEFF/, "")}\n---\n`);
  if ("reason" in split) throw new ContentError(fileName, split.reason.replace(/^front matter /, ""));
  return split.meta;
}

/** The slug of a content file (`gettysburg-address.pdf` → `gettysburg-address`), or a ContentError. */
export function contentSlug(fileName: string, extension: string): string {
  const slug = fileName.replace(/^.*[\\/]/, "").slice(0, -extension.length);
  if (!fileName.toLowerCase().endsWith(extension) || !SLUG.test(slug)) {
    throw new ContentError(fileName, `file name must be lower-case words joined by hyphens, ending in ${extension}`);
  }
  return slug;
}
