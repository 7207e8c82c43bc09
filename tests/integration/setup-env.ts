import { inject } from "vitest";

// Runs before each test file imports the app, so lib/db connects to the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789";
