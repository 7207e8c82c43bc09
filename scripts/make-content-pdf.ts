/*
 * Writes content/gettysburg-address.pdf, the library's PDF reading, from the
 * text below: `node --import tsx scripts/make-content-pdf.ts`. Deterministic
 * (fixed metadata dates), so running it again changes no byte and no revision.
 * Its provenance is content/gettysburg-address.yml beside it.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { makeTextPdf } from "../tests/support/source-fixtures";

/** Lincoln's address at Gettysburg, November 19, 1863, as in the Bliss copy (public domain). */
export const BLISS_COPY = [
  "Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.",
  "Now we are engaged in a great civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure. We are met on a great battle-field of that war. We have come to dedicate a portion of that field, as a final resting place for those who here gave their lives that that nation might live. It is altogether fitting and proper that we should do this.",
  "But, in a larger sense, we can not dedicate—we can not consecrate—we can not hallow—this ground. The brave men, living and dead, who struggled here, have consecrated it, far above our poor power to add or detract. The world will little note, nor long remember what we say here, but it can never forget what they did here. It is for us the living, rather, to be dedicated here to the unfinished work which they who fought here have thus far so nobly advanced. It is rather for us to be here dedicated to the great task remaining before us—that from these honored dead we take increased devotion to that cause for which they gave the last full measure of devotion—that we here highly resolve that these dead shall not have died in vain—that this nation, under God, shall have a new birth of freedom—and that government of the people, by the people, for the people, shall not perish from the earth.",
];

/** The PDF's bytes: two pages, so the reader shows a page break (the first two paragraphs, then the third). */
export function makeContentPdf(): Promise<Uint8Array> {
  return makeTextPdf([BLISS_COPY.slice(0, 2), BLISS_COPY.slice(2)], {
    title: "Address delivered at the dedication of the Cemetery at Gettysburg",
    author: "Abraham Lincoln",
    date: new Date("2026-12-07T00:00:00Z"),
  });
}

async function main() {
  const pdf = await makeContentPdf();
  const file = path.join(process.cwd(), "content", "gettysburg-address.pdf");
  writeFileSync(file, pdf);
  console.log(`wrote ${file} (${pdf.byteLength} bytes)`);
}

// Run as a script (not when a test imports the text and the maker).
if (process.argv[1]?.endsWith("make-content-pdf.ts")) void main();
