import type { TestProject } from "vitest/node";
import { deployMigrations } from "../../scripts/db/migrate";
import { createFreshDatabase, dropOldDatabases, startTestServer } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminUrl: string;
  }
}

/** One real PostgreSQL for the integration suite, with a fresh, migrated database per run. */
export default async function setup(project: TestProject) {
  const server = await startTestServer("test-pg", Number(process.env.TEST_PG_PORT ?? 54330));
  await dropOldDatabases(server.adminUrl, "it");
  const databaseUrl = await createFreshDatabase(server.adminUrl, "it");
  deployMigrations(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminUrl", server.adminUrl);
  return async () => {
    await dropOldDatabases(server.adminUrl, "it", new URL(databaseUrl).pathname.slice(1));
    await server.stop();
  };
}
