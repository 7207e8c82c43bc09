import { defineConfig } from "prisma/config";

// Prisma 7: used for `prisma generate` only. Migrations run through Prisma 6.19's
// WebAssembly schema engine (prisma/migrate.config.ts); README explains why.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
