import { expect, test } from "vitest";

// Runs only with TEST_PROBE=1 (see tests/probe/README.md): one test must fail, one must pass.
test("integration probe: a failing assertion", () => {
  expect(1).toBe(2);
});

test("integration probe: a passing assertion", () => {
  expect(1).toBe(1);
});
