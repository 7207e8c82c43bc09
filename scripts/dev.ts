/** `npm run dev`: next dev with hot reload on the embedded database (or $DATABASE_URL). */
import { spawn } from "node:child_process";
import path from "node:path";
import { localSecret } from "./app-server";
import { openDevDatabase } from "./db/dev-database";
import { prepareDatabase } from "./db/prepare";

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const database = await openDevDatabase();
  await prepareDatabase(database.url, { seedDemo: database.isEmbedded || process.env.DEMO_SEED === "1", directUrl: database.directUrl });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXTAUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1" };
  env.NEXTAUTH_SECRET ??= localSecret();
  delete env.NODE_OPTIONS;
  const next = spawn(process.execPath, [path.join(__dirname, "../node_modules/next/dist/bin/next"), "dev", "-p", String(port)], {
    stdio: "inherit",
    env,
  });
  const stop = async () => {
    next.kill("SIGTERM");
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
