// Installs dependencies when node_modules is missing or older than the lock
// file, so `npm run demo` and `npm test` work from a fresh clone.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const marker = "node_modules/.package-lock.json";
const isStale =
  !existsSync(marker) || !existsSync("lib/generated/prisma/client.ts") ||
  statSync("package-lock.json").mtimeMs > statSync(marker).mtimeMs + 1000;

if (isStale) {
  console.log("Installing dependencies (npm ci)…");
  const run = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
