import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma6/config";

// Prisma 6.19's CLI with its WebAssembly schema engine (`engine: "js"`): the
// only offline route to real Prisma Migrate here. Its own adapter-pg 6.19 fails
// on the catalog type `name` (prisma/orm#27403), so the 7.10 adapter drives it.
// Run it through scripts/db/migrate.ts, which derives the Prisma 6 copy of
// schema.prisma (Prisma 6 wants a datasource url that Prisma 7 forbids).
const root = process.cwd();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, ".data/prisma6/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the migrate runner must provide it.");
    // Our own pool, so the CLI exits as soon as it is done instead of waiting
    // out the default 10 s idle timeout of the adapter's pool.
    return new PrismaPg(new pg.Pool({ connectionString: url, allowExitOnIdle: true, idleTimeoutMillis: 100 }));
  },
});
