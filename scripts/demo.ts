/**
 * `npm run demo`: the whole app from a clean clone. Starts the embedded
 * PostgreSQL (data in .data/pg) unless DATABASE_URL is set, applies the
 * migrations, syncs the content folder, seeds the demo class (embedded
 * database only, or DEMO_SEED=1; DEMO_FULL_CLASS=1 adds a 30-student class), builds if the sources changed and serves the
 * production build. Ctrl-C stops the app and the database.
 */
import { DEMO_USERS } from "@/prisma/seed";
import { FULL_CLASS, FULL_CLASS_PASSWORD, fullClassEmail } from "@/prisma/demo-users";
import { buildIfStale, startApp } from "./app-server";
import { openDevDatabase } from "./db/dev-database";
import { prepareDatabase } from "./db/prepare";

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const started = Date.now();
  const database = await openDevDatabase();
  const seedDemo = database.isEmbedded || process.env.DEMO_SEED === "1";
  const seedFullClass = seedDemo && process.env.DEMO_FULL_CLASS === "1";
  await prepareDatabase(database.url, { seedDemo, seedFullClass, directUrl: database.directUrl });
  buildIfStale();
  const app = await startApp({ port, databaseUrl: database.url });

  console.log(`\nMarginalia is running on ${app.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (seedDemo) {
    console.log("Demo sign-ins (class History 11B):");
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(20)} ${u.password}`);
    if (seedFullClass) console.log(`Class ${FULL_CLASS} (same teacher): ${fullClassEmail(1)} … ${fullClassEmail(30)}  ${FULL_CLASS_PASSWORD}`);
  } else {
    console.log("Using DATABASE_URL: no demo accounts were created (run `npm run db:seed` to add them).");
  }
  console.log("Press Ctrl-C to stop.");

  let isStopping = false;
  const shutdown = async () => {
    if (isStopping) return;
    isStopping = true;
    console.log("\nStopping…");
    await app.stop();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  app.process.on("exit", (code) => {
    if (!isStopping) {
      console.error(`The app stopped unexpectedly (code ${code}).`);
      void database.stop().then(() => process.exit(1));
    }
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
