/**
 * The server the e2e suite runs against: a fresh database on the test
 * PostgreSQL, migrated, synced and seeded with the demo class, and the
 * production build on $E2E_PORT. Playwright starts it and stops it.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildIfStale, startApp } from "../../../scripts/app-server";
import { prepareDatabase } from "../../../scripts/db/prepare";
import { createFreshDatabase, dropOldDatabases, startTestServer } from "../../support/test-database";
import { E2E_APP_ENV } from "./e2e-env";

// E2E_STATE_FILE and E2E_PG_NAME let a second e2e run (another port) share the
// tree without overwriting the first run's state or cluster.
export const E2E_STATE = path.resolve(process.env.E2E_STATE_FILE ?? path.join(__dirname, "../../../.data/e2e-state.json"));

async function main() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const server = await startTestServer(process.env.E2E_PG_NAME ?? "e2e-pg", Number(process.env.E2E_PG_PORT ?? 54331));
  await dropOldDatabases(server.adminUrl, "e2e");
  const databaseUrl = await createFreshDatabase(server.adminUrl, "e2e");
  await prepareDatabase(databaseUrl, { seedDemo: true });
  buildIfStale();
  const app = await startApp({ port, databaseUrl, quiet: false, env: E2E_APP_ENV });
  // Specs read this to seed their own rows through the data layer.
  writeFileSync(E2E_STATE, JSON.stringify({ databaseUrl, adminUrl: server.adminUrl, baseUrl: app.url }));

  const stop = async () => {
    await app.stop();
    await server.stop();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
