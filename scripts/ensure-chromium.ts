import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Chromium for Playwright: Debian's package, installed with apt when we are
 * root on Debian; elsewhere one line saying what to install. Used by the e2e
 * step of `npm test` and by `npm run bench` (`purpose` names which).
 */
export function ensureChromium(purpose = "e2e"): void {
  const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(executable)) return;
  const canApt = !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && existsSync("/etc/debian_version");
  if (!canApt) {
    throw new Error(`${purpose} needs Chromium at ${executable}: install Debian's "chromium" package, or set CHROMIUM_PATH.`);
  }
  console.log(`Installing Debian's chromium for ${purpose} (apt-get)…`);
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const run = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed: install "chromium" by hand, or set CHROMIUM_PATH.`);
  }
}
