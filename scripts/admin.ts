/**
 * Operator commands, on $DATABASE_URL or the embedded database:
 *
 *   npm run admin -- create-teacher <email>   make the account a teacher (created with a one-time password if missing)
 *   npm run admin -- create-admin <email>     the same, as an administrator (who may also teach and invites teachers)
 */
import { openDevDatabase } from "./db/dev-database";
import { deployMigrations } from "./db/migrate";

const COMMANDS = { "create-teacher": "teacher", "create-admin": "admin" } as const;

async function main() {
  const [command, email] = process.argv.slice(2);
  const role = COMMANDS[command as keyof typeof COMMANDS];
  if (!role || !email) {
    console.error("Usage: npm run admin -- create-teacher <email> | create-admin <email>");
    process.exit(2);
  }
  const database = await openDevDatabase();
  try {
    deployMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    const { grantAccountRole } = await import("@/lib/server/users/grant-account-role");
    const { db } = await import("@/lib/db");
    const result = await grantAccountRole({ email, role });
    console.log(`${result.email} is now ${result.accountRole === "admin" ? "an administrator" : "a teacher"}.`);
    if (result.oneTimePassword) {
      console.log(`  New account. One-time password (7 days, must be changed at first sign-in): ${result.oneTimePassword}`);
    }
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
