import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    // TEST_PROBE=1: only the deliberately failing probe (npm test's self-test).
    include: process.env.TEST_PROBE ? ["tests/probe/unit.probe.test.ts"] : ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    // Unit tests take milliseconds; the corpus-wide ones (333 XSS payloads, 143 anchoring cases) take
    // a second or two and get starved on a busy 2-core machine: a timeout there measures the machine.
    testTimeout: 30_000,
  },
});
