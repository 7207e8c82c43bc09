import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// TEST_PROBE=1: only the deliberately failing probe, no app (npm test's self-test).
const isProbe = Boolean(process.env.TEST_PROBE);

/** Real Chromium from Debian (no Playwright download), isolated from the network. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE localhost"',
  ],
};

export default defineConfig({
  testDir: isProbe ? "tests/probe" : "tests/e2e",
  testMatch: isProbe ? "e2e.probe.ts" : "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
    trace: "retain-on-failure",
  },
  projects: [
    // The user stories, in the browser and over HTTP, two files at a time.
    { name: "e2e", testIgnore: ["resilience/**", "devices/**"] },
    // The reader on touch screens: a phone (bottom sheet) and a tablet in landscape (the margin).
    {
      name: "phone",
      testMatch: "devices/**/*.spec.ts",
      use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
    },
    {
      name: "tablet",
      testMatch: "devices/**/*.spec.ts",
      use: { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 },
    },
    // Load and database restart: one saturates the machine, the other takes a database away, so they run
    // after the stories and one at a time. Playwright skips them when a story failed; run them alone with
    // `npx playwright test --project=resilience --no-deps`.
    { name: "resilience", testMatch: "resilience/**/*.spec.ts", dependencies: ["e2e"], workers: 1, timeout: 180_000 },
  ],
  webServer: isProbe ? undefined : {
    command: "node --conditions=react-server --import tsx tests/e2e/support/serve.ts",
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
