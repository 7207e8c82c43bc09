import { inject } from "vitest";

// Runs before each test file imports the app, so lib/db connects to the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789";
// The worker thread that computes hints starts (and compiles with tsx) in each test file; on a loaded machine
// that alone can pass the 5 s budget, which tests of what the hints say must not turn into a 503.
process.env.HINTS_TIME_BUDGET_MS ??= "60000";
