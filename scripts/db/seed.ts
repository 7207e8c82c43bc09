/** `npm run db:seed`: migrations, content, and the demo class, on $DATABASE_URL or the embedded database. */
import { DEMO_CLASS, DEMO_USERS } from "@/prisma/seed";
import { openDevDatabase } from "./dev-database";
import { prepareDatabase } from "./prepare";

async function main() {
  const database = await openDevDatabase();
  try {
    const { seeded } = await prepareDatabase(database.url, { seedDemo: true, directUrl: database.directUrl });
    console.log(seeded ? `Created the demo class "${DEMO_CLASS}".` : `The demo class "${DEMO_CLASS}" already exists.`);
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email}  ${u.password}`);
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
