import { expect, test } from "@playwright/test";

// Runs only with TEST_PROBE=1 (see tests/probe/README.md): one test must fail, one must pass.
test("e2e probe: a failing assertion", () => {
  expect(1).toBe(2);
});

test("e2e probe: a passing assertion", () => {
  expect(1).toBe(1);
});
