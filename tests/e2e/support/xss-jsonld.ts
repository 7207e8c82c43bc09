/**
 * W3C Web Annotation files carrying the XSS corpus, as another tool's export
 * would: payloads as comment bodies (plain and text/html), tags, creator
 * names, reply bodies, flag corrections and rationales, and quotes that
 * cannot be found in the essay (reported back to the teacher as orphans).
 */
import { flatten, pack, type Payload } from "./xss-corpus";

const CONTEXT = "http://www.w3.org/ns/anno.jsonld";
const ELSEWHERE = "https://annotations.elsewhere.example";

/** What each payload was put into, for the spec's counts. */
export interface ImportFile {
  items: unknown[];
  /** How many flags the file holds. */
  flags: number;
  counts: Record<string, number>;
}

/** One well-formed file: every payload in every text an import keeps, on `passage` of the essay at `source`. */
export function buildImportFile({ stamp, source, passage, payloads }: { stamp: string; source: string; passage: string; payloads: Payload[] }): ImportFile {
  const target = { source, selector: [{ type: "TextQuoteSelector", exact: passage }] };
  const base = `${ELSEWHERE}/${stamp}`;
  const creator = (i: number, name: string) => ({ type: "Person", id: `${ELSEWHERE}/users/${stamp}-${i}`, name });
  const items: unknown[] = [];
  payloads.forEach((p, i) => {
    const annotation = `${base}/annotations/${i}`;
    items.push({
      "@context": CONTEXT,
      id: annotation,
      type: "Annotation",
      motivation: "commenting",
      creator: creator(i, p.payload),
      created: "2026-01-05T10:00:00Z",
      body: [
        // Odd ones as HTML, which the import reduces to text: what is left must still be only text.
        { type: "TextualBody", value: p.payload, purpose: "commenting", format: i % 2 ? "text/html" : "text/plain" },
        { type: "TextualBody", value: p.payload, purpose: "tagging" },
      ],
      target,
    });
    items.push({
      "@context": CONTEXT,
      id: `${base}/replies/${i}`,
      type: "Annotation",
      motivation: "replying",
      creator: creator(i, p.payload),
      // A reply must have words; the few blank payloads get some.
      body: { type: "TextualBody", value: flatten(p.payload) ? p.payload : `${stamp} blank ${p.id}`, format: "text/plain" },
      target: annotation,
    });
    // A passage that is not in the essay: not written, its quote is reported back.
    items.push({ "@context": CONTEXT, id: `${base}/orphans/${i}`, type: "Annotation", motivation: "highlighting", target: { source, selector: { type: "TextQuoteSelector", exact: `${stamp} ${p.payload}` } } });
  });
  const groups = pack(payloads, 1_900, 10);
  groups.forEach((group, g) => {
    const words = group.map((p) => p.payload).join(" ");
    items.push({
      "@context": CONTEXT,
      id: `${base}/flags/${g}`,
      type: "Annotation",
      motivation: "editing",
      creator: creator(1_000 + g, group[0].payload),
      body: [
        { type: "TextualBody", value: words, purpose: "editing" },
        { type: "TextualBody", value: group[0].payload, purpose: "classifying" },
        { type: "TextualBody", value: `${stamp} imported flag ${g}\n${words}`, purpose: "describing" },
      ],
      target,
    });
  });
  const n = payloads.length;
  return {
    items,
    flags: groups.length,
    counts: {
      "import: comment bodies": n,
      "import: tags": n,
      "import: creator names": n,
      "import: reply bodies": n,
      "import: orphan quotes": n,
      "import: flag corrections, rationales, categories": n,
    },
  };
}

/** A file the import must refuse whole, because an item is only a string: the message quotes it. */
export function buildRefusedFile(payloads: Payload[]): unknown[] {
  return payloads.map((p) => p.payload);
}
