/**
 * Seeds the matrix's readings made from files (authz-model SOURCE_READINGS)
 * through the product's own upload route, waits for their jobs, and records
 * what the routes and the secret scan need: id, slug, title, the uploaded
 * file's id, the current revision and its transcription (as the edit page
 * shows it, one paragraph per line).
 */
import { sessionRequest } from "./api";
import { SOURCE_READINGS, type ActorKey } from "./authz-model";
import { sourceForm, sourceMeta } from "./authz-source-routes";
import type { Secret } from "./authz-world";
import { withDb } from "./seed-class";

const JOB_WAIT_MS = 120_000;

export async function seedSourceReadings(
  world: { baseUrl: string; databaseUrl: string; cookies: Partial<Record<ActorKey, string>>; values: Map<string, string>; secrets: Map<string, Secret[]>; unique(): string },
) {
  await Promise.all(
    SOURCE_READINGS.map(async (fact) => {
      const title = `Source ${world.unique()}`;
      const altText = fact.file.endsWith(".png") ? `A typed page ${world.unique()}` : "";
      const cookie = world.cookies[fact.owner]!;
      const res = await sessionRequest(world.baseUrl, cookie, "POST", "/api/readings/sources", sourceForm({ ...sourceMeta(title, altText), isShared: fact.isShared }, fact.file));
      if (res.status !== 202) throw new Error(`seeding: uploading ${fact.key} answered ${res.status} ${await res.text()}`);
      const { essay } = (await res.json()) as { essay: { id: string; slug: string } };
      const until = Date.now() + JOB_WAIT_MS;
      for (;;) {
        const { job } = (await (await sessionRequest(world.baseUrl, cookie, "GET", `/api/readings/${essay.id}/source`)).json()) as { job: { status: string; message: string | null } };
        if (job.status === "done") break;
        if (job.status === "failed" || Date.now() > until) throw new Error(`seeding: ${fact.key}'s job is ${job.status} (${job.message})`);
        await new Promise((r) => setTimeout(r, 500));
      }
      const row = await withDb(world.databaseUrl, async (client) => {
        const file = (await client.query(`select id from source_files where "essayId" = $1 and not "isDerived" order by "createdAt" desc limit 1`, [essay.id])).rows[0] as { id: string };
        const revision = (await client.query(`select number, text, blocks from essay_revisions where "essayId" = $1 order by number desc limit 1`, [essay.id])).rows[0] as {
          number: number;
          text: string;
          blocks: { start: number; end: number }[];
        };
        return { fileId: file.id, revision };
      });
      const values: [string, string][] = [
        [fact.key, essay.id],
        [`${fact.key}.slug`, essay.slug],
        [`${fact.key}.title`, title],
        [`${fact.key}.altText`, altText],
        [`${fact.key}.file`, row.fileId],
        [`${fact.key}.revision`, String(row.revision.number)],
        [`${fact.key}.transcription`, row.revision.blocks.map((b) => row.revision.text.slice(b.start, b.end)).join("\n")],
      ];
      for (const [key, value] of values) world.values.set(key, value);
      world.secrets.set(fact.key, [{ text: essay.id }, { text: title }, { text: essay.slug }, { text: row.fileId }, ...(altText ? [{ text: altText }] : [])]);
    }),
  );
}
