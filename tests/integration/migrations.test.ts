import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { deployMigrations, diffDatamodels, latestSnapshot, listMigrations, runPrisma6 } from "../../scripts/db/migrate";
import { readCatalog, runSql } from "../support/catalog";
import { createFreshDatabase, dropOldDatabases } from "../support/test-database";

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA = path.join(ROOT, "prisma/schema.prisma");
const adminUrl = inject("adminUrl");
const created: string[] = [];

/** A fresh database for one check, dropped when the file is done. */
async function freshDatabase(): Promise<string> {
  const url = await createFreshDatabase(adminUrl, "itm");
  created.push(new URL(url).pathname.slice(1));
  return url;
}

afterAll(async () => {
  for (const name of created) await dropOldDatabases(adminUrl, "itm", name);
});

describe("Prisma Migrate files", () => {
  it("apply to an empty database and are recorded in _prisma_migrations", async () => {
    const url = await freshDatabase();
    deployMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      "select migration_name, checksum, finished_at, rolled_back_at from _prisma_migrations order by migration_name",
    );
    await client.end();

    const folders = listMigrations();
    expect(folders.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const sql = readFileSync(path.join(ROOT, "prisma/migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    const status = runPrisma6(["migrate", "status"], url);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date");
  });

  it("describe the same database as schema.prisma (no drift)", async () => {
    const migrated = await freshDatabase();
    deployMigrations(migrated);
    const fromSchema = await freshDatabase();
    await runSql(fromSchema, diffDatamodels(null, SCHEMA, fromSchema));

    const [a, b] = await Promise.all([readCatalog(migrated), readCatalog(fromSchema)]);
    expect(a.columns.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });

  it("would notice drift: a column the migrations lack makes the catalogs differ", async () => {
    const migrated = await freshDatabase();
    deployMigrations(migrated);
    const drifted = await freshDatabase();
    await runSql(drifted, diffDatamodels(null, SCHEMA, drifted));
    await runSql(drifted, 'alter table "users" add column "nickname" text');
    expect(await readCatalog(drifted)).not.toEqual(await readCatalog(migrated));
  });

  it("keep a snapshot of schema.prisma with the latest migration, equal to the current datamodel", async () => {
    const snapshot = latestSnapshot();
    expect(snapshot).not.toBeNull();
    const url = await freshDatabase();
    const sql = diffDatamodels(snapshot, SCHEMA, url);
    expect(sql).not.toMatch(/\b(CREATE|ALTER|DROP)\b/);
  });
});
