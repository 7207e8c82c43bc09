/**
 * Prisma Migrate, offline. Prisma 7 (our client) needs a native schema engine
 * for every migrate command, and none can be downloaded here; Prisma 6.19 runs
 * migrations through its WebAssembly engine with a driver adapter. This file
 * drives that CLI against prisma/migrations. See README "Data layer".
 *
 *   tsx scripts/db/migrate.ts deploy          apply pending migrations ($DATABASE_URL)
 *   tsx scripts/db/migrate.ts status          list applied / pending
 *   tsx scripts/db/migrate.ts new <name>      write a migration for schema.prisma changes
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDevDatabase } from "./dev-database";

const ROOT = path.resolve(__dirname, "../..");
const MIGRATIONS = path.join(ROOT, "prisma/migrations");
const WORK = path.join(ROOT, ".data/prisma6");
const CLI = path.join(ROOT, "node_modules/prisma6/build/index.js");
const CONFIG = path.join(ROOT, "prisma/migrate.config.ts");

/**
 * Prisma 6 insists on a datasource `url` that Prisma 7 forbids in the schema;
 * this writes a Prisma 6 copy of a datamodel with the url line added.
 */
export function toPrisma6Schema(source: string, target: string): string {
  const withUrl = source.replace(
    /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"postgresql")/,
    '$1\n  url      = env("DATABASE_URL")',
  );
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, `// Generated from prisma/schema.prisma for the Prisma 6 migrate CLI. Do not edit.\n${withUrl}`);
  return target;
}

/** Runs the Prisma 6.19 CLI with our migrate config; returns its exit code and output. */
export function runPrisma6(args: string[], databaseUrl: string) {
  toPrisma6Schema(readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8"), path.join(WORK, "schema.prisma"));
  const preload = path.join(__dirname, "unref-long-timers.cjs");
  const result = spawnSync(process.execPath, ["--require", preload, CLI, ...args, "--config", CONFIG], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // Any existing file stops the CLI from trying to download native engines
      // it never uses on the WebAssembly route.
      PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  return { code: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/** Applies every pending migration to the database at `databaseUrl`. */
export function deployMigrations(databaseUrl: string): void {
  const run = runPrisma6(["migrate", "deploy"], databaseUrl);
  if (run.code !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${run.stdout}\n${run.stderr}`);
  }
}

/** The SQL that takes the datamodel `fromFile` (or an empty database) to `toFile`. */
export function diffDatamodels(fromFile: string | null, toFile: string, databaseUrl: string): string {
  const to = toPrisma6Schema(readFileSync(toFile, "utf8"), path.join(WORK, "to.prisma"));
  const from = fromFile
    ? ["--from-schema-datamodel", toPrisma6Schema(readFileSync(fromFile, "utf8"), path.join(WORK, "from.prisma"))]
    : ["--from-empty"];
  // The diff compares two files and writes nothing, but the adapter still connects.
  const run = runPrisma6(["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], databaseUrl);
  if (run.code !== 0) throw new Error(`prisma migrate diff failed:\n${run.stderr}`);
  return run.stdout;
}

/** Migration folders in apply order. */
export function listMigrations(): string[] {
  if (!existsSync(MIGRATIONS)) return [];
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * Each migration folder keeps the schema.prisma it was generated from, so the
 * next migration is a datamodel-to-datamodel diff: the one diff route that
 * needs no shadow database (which the adapter cannot manage).
 */
export function latestSnapshot(): string | null {
  const last = listMigrations().at(-1);
  const file = last ? path.join(MIGRATIONS, last, "schema.prisma") : null;
  return file && existsSync(file) ? file : null;
}

function createMigration(name: string, databaseUrl: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Name the migration in snake_case, e.g. add_flag_votes.");
  const schema = path.join(ROOT, "prisma/schema.prisma");
  const sql = diffDatamodels(latestSnapshot(), schema, databaseUrl);
  if (!/\b(?:CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("schema.prisma matches the latest migration: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  writeFileSync(path.join(dir, "schema.prisma"), readFileSync(schema, "utf8"));
  console.log(`Wrote ${path.relative(ROOT, dir)}/migration.sql — review it, then run npm run db:migrate.`);
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (!["deploy", "status", "new"].includes(command)) {
    console.error("usage: migrate.ts deploy | status | new <name>");
    process.exit(2);
  }
  const db = await openDevDatabase();
  let code = 0;
  try {
    if (command === "new") {
      createMigration(name ?? "", db.directUrl);
    } else {
      const run = runPrisma6(["migrate", command], db.directUrl);
      process.stdout.write(run.stdout);
      process.stderr.write(run.stderr);
      code = run.code;
    }
  } finally {
    await db.stop();
  }
  process.exit(code);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
