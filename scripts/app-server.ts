import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const STAMP = path.join(ROOT, ".next/marginalia-source-stamp");
const SOURCES = [
  "app",
  "components",
  "lib",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
  "scripts/build-workers.mjs",
];

/** A fingerprint of everything the production build depends on (names, sizes, mtimes). */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`)) return hash.update(`${p}:generated`);
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      hash.update(`${path.relative(ROOT, p)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const s of SOURCES) walk(path.join(ROOT, s));
  return hash.digest("hex");
}

/** Runs `next build` unless the last build was made from the same sources. */
export function buildIfStale({ force = false } = {}): void {
  const fingerprint = sourceFingerprint();
  const isFresh = existsSync(path.join(ROOT, ".next/BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint;
  if (isFresh && !force) return;
  console.log("Building the app (next build)…");
  const run = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: cleanEnv({ NEXT_TELEMETRY_DISABLED: "1" }),
  });
  if (run.status !== 0) throw new Error("next build failed (see the output above).");
  const workers = spawnSync(process.execPath, [path.join(ROOT, "scripts/build-workers.mjs")], { cwd: ROOT, stdio: "inherit" });
  if (workers.status !== 0) throw new Error("building the worker bundles failed (see the output above).");
  writeFileSync(STAMP, fingerprint);
}

/** A secret kept in .data so sessions survive restarts of the local app. */
export function localSecret(): string {
  const file = path.join(ROOT, ".data/nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

export interface RunningApp {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts `next start` on `port` and resolves once it answers HTTP. */
export async function startApp(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  quiet?: boolean;
}): Promise<RunningApp> {
  const url = `http://localhost:${options.port}`;
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(options.port)], {
    cwd: ROOT,
    stdio: options.quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    env: cleanEnv({
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
      ...options.env,
    }),
  });
  const output: string[] = [];
  child.stdout?.on("data", (d) => output.push(String(d)));
  child.stderr?.on("data", (d) => output.push(String(d)));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`The app exited (code ${code}).\n${output.join("").slice(-2000)}`))),
  );
  await Promise.race([waitForHttp(`${url}/api/health`, 60_000), exited]);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  return { url, process: child, stop };
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

/** The parent's environment without Node flags meant for our scripts (react-server conditions). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}
