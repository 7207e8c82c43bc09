import { e2eState } from "./support/api";
import { judge, snapshot } from "./support/authz-checks";
import { generateCases, type MatrixCase } from "./support/authz-matrix";
import { ACTORS, AUDIENCES, ITEMS, REPLIES, actor, canSeeItem } from "./support/authz-model";
import { freshKind, inBatches, runCase, type CaseResult } from "./support/authz-runner";
import { seedAuthzWorld, type AuthzWorld } from "./support/authz-world";
import { expect, test } from "./support/fixtures";

/** Requests in flight at once: enough to keep the server busy, few enough not to starve the other worker. */
const WIDTH = 8;

test.describe.configure({ mode: "serial" });

test.describe("authorization matrix", () => {
  let world: AuthzWorld;

  test.beforeAll(async () => {
    const { baseUrl, databaseUrl } = e2eState();
    world = await seedAuthzWorld(baseUrl, databaseUrl);
  });

  test("a teacher's student table counts a student's work the teacher may see, and nothing private", async () => {
    const assignmentId = world.values.get("A1")!;
    const res = await fetch(`${world.baseUrl}/api/assignments/${assignmentId}/students`, { headers: { Cookie: world.cookies.teacher! } });
    expect(res.status).toBe(200);
    const table = (await res.json()) as { rows: { student: { id: string }; comments: number; flags: number; replies: number; highlights: number }[] };
    const row = table.rows.find((r) => r.student.id === world.values.get("user.author"))!;
    const teacher = actor("teacher");
    const seen = ITEMS.filter((i) => i.assignment === "A1" && i.author === "author" && canSeeItem(teacher, i));
    const seenReplies = REPLIES.filter((r) => r.author === "author" && seen.some((i) => i.key === r.item));
    expect({ highlights: row.highlights, comments: row.comments, flags: row.flags, replies: row.replies }).toEqual({
      highlights: 0,
      comments: seen.filter((i) => i.kind === "comment").length,
      flags: seen.filter((i) => i.kind === "flag").length,
      replies: seenReplies.length,
    });
  });

  test("every route × actor × audience × guessed id: refusals read like a missing id, answers hold nothing unseen, refused writes change nothing", async () => {
    // About 4,900 cases since the LTI, notification and file-reading routes joined: 2.2 minutes alone on a 2-core
    // machine at load 11, past four beside the source stories' OCR.
    test.setTimeout(360_000);
    const started = Date.now();
    const cases = generateCases();
    const reads = cases.filter((c) => c.phase === 1);
    const writes = cases.filter((c) => c.phase === 2);

    const before = await snapshot(world);
    // Streams are held open for their catch-up: all at once, then everything else.
    const streams = reads.filter((c) => c.route.isStream);
    const results: CaseResult[] = await Promise.all(streams.map((c) => runCase(world, c)));
    results.push(...(await inBatches(reads.filter((c) => !c.route.isStream), WIDTH, (c) => runCase(world, c))));
    const after = await snapshot(world);

    // Successful writes last, each on its own fresh copy where it changes its target.
    const fresh = await inBatches(writes, 4, (c) => freshCopyFor(c));
    results.push(...(await inBatches(writes.map((c, i) => ({ c, id: fresh[i] })), WIDTH, ({ c, id }) => runCase(world, c, id))));

    const { leaks, unexpected, compared } = judge(world, results);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const routes = new Set(cases.map((c) => c.route.name)).size;
    console.log(`authorization matrix: ${cases.length} cases, ${leaks.length} leaks`);
    console.log(`  ${routes} routes × ${ACTORS.length} actors × audiences ${AUDIENCES.join("/")} and guessed ids, in ${seconds} s;`);
    console.log(`  ${compared} refusals compared with a random id's answer, every answer scanned for what its reader may not see`);
    for (const line of [...leaks, ...unexpected].slice(0, 40)) console.log(`  ${line}`);

    expect(after, "a refused write changed the database").toBe(before);
    expect(leaks).toEqual([]);
    expect(unexpected).toEqual([]);
  });

  function freshCopyFor(c: MatrixCase): Promise<string | undefined> {
    const kind = freshKind(c);
    return kind ? world.freshCopy(kind, c.target.key) : Promise.resolve(undefined);
  }
});
