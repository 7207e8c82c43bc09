import path from "node:path";
import { deployMigrations } from "./migrate";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Brings a database to the current schema and content: migrations, then the
 * content folder. Loads the app's data layer only after DATABASE_URL is set.
 * Migrations run on `directUrl` when given (a pooled `url` cannot hold
 * Prisma Migrate's session lock, see dev-database.ts).
 */
export async function prepareDatabase(url: string, options: { seedDemo: boolean; seedFullClass?: boolean; directUrl?: string }) {
  deployMigrations(options.directUrl ?? url);
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { syncContent } = await import("@/lib/server/essays/sync-content");
  const report = await syncContent({ db, dir: path.join(ROOT, process.env.CONTENT_DIR ?? "content") });
  for (const p of report.problems) console.error(`[content] ${p.file}: ${p.reason}`);
  let seeded = false;
  if (options.seedDemo) {
    const { seedDemoClass } = await import("@/prisma/seed");
    seeded = (await seedDemoClass(db)).created;
  }
  if (options.seedFullClass) {
    const { seedFullClass } = await import("@/prisma/seed-full-class");
    const started = Date.now();
    if ((await seedFullClass(db)).created) console.log(`Created the full class "History 11C" (30 students) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  await db.$disconnect();
  return { report, seeded };
}
