import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Data modules are marked server-only; tests are the server here.
      "server-only": fileURLToPath(new URL("../../node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    root,
    // TEST_PROBE=1: only the deliberately failing probe (npm test's self-test).
    include: process.env.TEST_PROBE ? ["tests/probe/integration.probe.test.ts"] : ["tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/integration/setup-env.ts"],
    // One database, shared: files run one after another, tests inside them in order.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
