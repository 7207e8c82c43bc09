import { mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchor, createTextIndex, describe as describeSpan, indexToUtf16, verifySelectors } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { syncContent } from "@/lib/server/essays/sync-content";

const suffix = Date.now().toString(36);
const dir = mkdtempSync(path.join(tmpdir(), "hostile-content-"));
const unicodeSlug = `unicode-${suffix}`;
const crlfSlug = `crlf-${suffix}`;

const frontMatter = (title: string) =>
  `---\ntitle: "${title}"\nauthor: Test\nsource: Written for the hostile-content test\nretrieved: 2026-11-01\nnotes: Test file.\n---\n\n`;

// RTL scripts with their marks, decomposed accents, emoji built from several
// code points, astral letters and bidi controls: everything that breaks code
// which counts UTF-16 units, splits surrogate pairs or normalises behind our back.
const UNICODE_BODY = [
  "# مقدمة — The Thaw in other words",
  "In 1956 Khrushchev spoke; the Arabic «السلام عليكم» and the Hebrew שָׁלוֹם עֲלֵיכֶם carry their marks.",
  "E\u0301migre\u0301s (decomposed accents) wrote 👩‍👩‍👧 and 🇺🇦 and 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 with ✌︎ beside them.",
  "- A right-to-left mark \u200F here, an override \u202Ereversed\u202C there, a joiner in क्\u200Dष.",
  "> Zalgo: Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034DA\u036B\u0357\u0334\u0362\u0335\u031C\u0330\u0354L\u0368\u0367\u0369\u0358\u0320G\u0311\u0357\u030E\u0305\u035B\u0341\u0334\u033B\u0348\u034D\u0354\u0339O ends here 🏳️‍🌈.",
].join("\n\n");

/** Every UTF-16 index where a code point starts (never inside a surrogate pair). */
function codePointStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) starts.push(i);
  return starts;
}

const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

async function latestText(slug: string) {
  const essay = await db.essay.findUniqueOrThrow({
    where: { slug },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  return { essay, revision: essay.revisions[0], text: essay.revisions[0].text };
}

beforeAll(() => {
  writeFileSync(path.join(dir, `${unicodeSlug}.md`), frontMatter("Ünïcode: العربية and עברית") + UNICODE_BODY);
  writeFileSync(path.join(dir, `${crlfSlug}.md`), (frontMatter("Windows line ends") + "One.\n\nTwo 🙂.\n").replace(/\n/g, "\r\n"));
  // The bad ones.
  writeFileSync(path.join(dir, `no-front-matter-${suffix}.md`), "Just text, no front matter.\n");
  writeFileSync(path.join(dir, `bad-yaml-${suffix}.md`), "---\ntitle: [unclosed\n---\n\nText.\n");
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) bomb.push(`${"b".repeat(i)}: &${"b".repeat(i)} [${Array(9).fill(i === 1 ? "*a" : `*${"b".repeat(i - 1)}`).join(",")}]`);
  writeFileSync(path.join(dir, `alias-bomb-${suffix}.md`), `---\n${bomb.join("\n")}\ntitle: Bomb\n---\n\nText.\n`);
  writeFileSync(path.join(dir, `deep-yaml-${suffix}.md`), `---\ntitle: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n---\n\nText.\n`);
  writeFileSync(path.join(dir, `missing-title-${suffix}.md`), frontMatter("x").replace(/title: .*\n/, "") + "Text.\n");
  writeFileSync(path.join(dir, `empty-${suffix}.md`), "");
  const huge = frontMatter("Huge") + "A paragraph of filler text that repeats. ".repeat(130_000);
  writeFileSync(path.join(dir, `huge-${suffix}.md`), huge); // about 5 MB
  writeFileSync(path.join(dir, `binary-${suffix}.md`), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x00]));
  writeFileSync(path.join(dir, `nul-${suffix}.md`), frontMatter("NUL") + "Text with a \u0000 inside.\n");
  writeFileSync(path.join(dir, `Bad Name ${suffix}.md`), frontMatter("Bad name") + "Text.\n");
  mkdirSync(path.join(dir, `folder-${suffix}.md`));
  // 1.5 GB, but sparse: costs no disk, and must cost no memory or time either.
  writeFileSync(path.join(dir, `sparse-${suffix}.md`), frontMatter("Sparse"));
  truncateSync(path.join(dir, `sparse-${suffix}.md`), 1.5 * 1024 ** 3);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("content files that are malformed, huge, binary or odd Unicode", () => {
  let report: Awaited<ReturnType<typeof syncContent>>;
  let elapsedMs = 0;

  beforeAll(async () => {
    const started = Date.now();
    report = await syncContent({ db, dir });
    elapsedMs = Date.now() - started;
  });

  it("reports each bad file with its reason, quickly, and never reads a giant file into memory", () => {
    const reasons = Object.fromEntries(report.problems.map((p) => [p.file, p.reason]));
    expect(reasons).toEqual({
      [`no-front-matter-${suffix}.md`]: expect.stringMatching(/no front matter/),
      [`bad-yaml-${suffix}.md`]: expect.stringMatching(/not valid YAML/),
      [`alias-bomb-${suffix}.md`]: expect.stringMatching(/not valid YAML|front matter/),
      [`deep-yaml-${suffix}.md`]: expect.stringMatching(/not valid YAML|front matter/),
      [`missing-title-${suffix}.md`]: expect.stringMatching(/needs a "title" line/),
      [`empty-${suffix}.md`]: expect.stringMatching(/no front matter/),
      [`huge-${suffix}.md`]: expect.stringMatching(/larger than 1 MB/),
      [`binary-${suffix}.md`]: expect.stringMatching(/not UTF-8 text|binary/),
      [`nul-${suffix}.md`]: expect.stringMatching(/binary/),
      [`Bad Name ${suffix}.md`]: expect.stringMatching(/file name must be lower-case/),
      [`folder-${suffix}.md`]: expect.stringMatching(/not a regular file/),
      [`sparse-${suffix}.md`]: expect.stringMatching(/larger than 1 MB/),
    });
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it("keeps serving the good files, and records the bad ones for the teacher", async () => {
    expect(report.newRevisions.map((r) => r.slug).sort()).toEqual([crlfSlug, unicodeSlug].sort());
    expect((await latestText(crlfSlug)).text).toBe("One.\nTwo 🙂.");
    const stored = await db.contentProblem.findMany({ select: { file: true } });
    expect(stored.map((p) => p.file).sort()).toEqual(report.problems.map((p) => p.file).sort());
  });

  it("keeps every character of the odd-Unicode essay, unnormalised", async () => {
    const { essay, text } = await latestText(unicodeSlug);
    expect(essay.title).toBe("Ünïcode: العربية and עברית");
    expect(text).toContain("E\u0301migre\u0301s");
    expect(text).toContain("👩‍👩‍👧");
    expect(text).toContain("\u202Ereversed\u202C");
    expect(text.normalize("NFC")).not.toBe(text);
  });

  it("describes and verifies a span starting at every code point of the odd-Unicode essay", async () => {
    const { text } = await latestText(unicodeSlug);
    const index = createTextIndex(text);
    const starts = codePointStarts(text);
    for (let k = 0; k + 3 < starts.length; k++) {
      const start = starts[k];
      const end = starts[k + 3];
      const described = describeSpan(text, start, end, { index });
      expect(hasLoneSurrogate(described.quote.prefix + described.quote.exact + described.quote.suffix)).toBe(false);
      const verified = verifySelectors(text, { quote: described.quote, position: described.position }, index);
      expect(verified).toEqual({ ok: true, span: { start, end } });
    }
  });

  it("anchors emoji, RTL and combining-mark passages again after the essay is edited", async () => {
    const { text } = await latestText(unicodeSlug);
    const passages = ["👩‍👩‍👧", "שָׁלוֹם עֲלֵיכֶם", "E\u0301migre\u0301s", "«السلام عليكم»", "\u202Ereversed\u202C", "🏳️‍🌈"];
    const selectors = passages.map((p) => {
      const start = text.indexOf(p);
      const d = describeSpan(text, start, start + p.length);
      return { passage: p, selectors: [d.quote, d.position] };
    });

    // A new revision shifts everything: an astral-heavy sentence at the top.
    const edited = UNICODE_BODY.replace("In 1956", "🇺🇦🇺🇦 Added 𝔞𝔟𝔠 first. In 1956");
    writeFileSync(path.join(dir, `${unicodeSlug}.md`), frontMatter("Ünïcode: العربية and עברית") + edited);
    await syncContent({ db, dir });
    const after = await latestText(unicodeSlug);
    expect(after.revision.number).toBe(2);
    for (const { passage, selectors: s } of selectors) {
      const found = anchor(after.text, s);
      expect(found, passage).not.toBeNull();
      expect(after.text.slice(found!.start, found!.end)).toBe(passage);
      // Code-point offsets convert back to the same UTF-16 span.
      const index = createTextIndex(after.text);
      expect([indexToUtf16(index, found!.startCp), indexToUtf16(index, found!.endCp)]).toEqual([found!.start, found!.end]);
    }
  });

  it("carries a stored annotation on an emoji across the edit, by code points", async () => {
    const { essay, revision, text } = await latestText(unicodeSlug);
    const user = await db.user.create({ data: { name: "Uni", email: `uni-${suffix}@test.school` } });
    const classroom = await db.classroom.create({ data: { name: "U", joinCode: `U${suffix}` } });
    const assignment = await db.assignment.create({ data: { classroomId: classroom.id, essayId: essay.id, dueAt: new Date() } });
    const start = text.indexOf("🏳️‍🌈");
    const d = describeSpan(text, start, start + "🏳️‍🌈".length);
    const annotation = await db.annotation.create({
      data: {
        id: `uni-${suffix}`,
        assignmentId: assignment.id,
        authorId: user.id,
        revisionId: revision.id,
        kind: "highlight",
        exact: d.quote.exact,
        prefix: d.quote.prefix,
        suffix: d.quote.suffix,
        startCp: d.position.start,
        endCp: d.position.end,
      },
    });

    const edited = UNICODE_BODY.replace("In 1956", "👩‍👩‍👧 Two families 👩‍👩‍👧 first. In 1956");
    writeFileSync(path.join(dir, `${unicodeSlug}.md`), frontMatter("Ünïcode: العربية and עברית") + edited);
    const sync = await syncContent({ db, dir });
    expect(sync.newRevisions.find((r) => r.slug === unicodeSlug)?.reanchored).toMatchObject({ total: 1, anchored: 1 });
    const moved = await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    const now = await latestText(unicodeSlug);
    const index = createTextIndex(now.text);
    expect(moved.revisionId).toBe(now.revision.id);
    expect(now.text.slice(indexToUtf16(index, moved.startCp), indexToUtf16(index, moved.endCp))).toBe("🏳️‍🌈");
  });
});

describe("the sparse giant file really is sparse", () => {
  it("costs no disk, so the test above measured reading, not writing", () => {
    const file = path.join(dir, `sparse-${suffix}.md`);
    expect(statSync(file).size).toBe(1.5 * 1024 ** 3);
    expect(statSync(file).blocks * 512).toBeLessThan(1024 * 1024);
  });
});
