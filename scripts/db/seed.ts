/** `npm run db:seed [-- --full-class]`: migrations, content, the demo class (and the 30-student class), on $DATABASE_URL or the embedded database. */
import { DEMO_CLASS, DEMO_USERS } from "@/prisma/seed";
import { FULL_CLASS, FULL_CLASS_PASSWORD, fullClassEmail } from "@/prisma/demo-users";
import { openDevDatabase } from "./dev-database";
import { prepareDatabase } from "./prepare";

async function main() {
  const database = await openDevDatabase();
  try {
    const withFullClass = process.argv.includes("--full-class");
    const { seeded } = await prepareDatabase(database.url, { seedDemo: true, seedFullClass: withFullClass, directUrl: database.directUrl });
    console.log(seeded ? `Created the demo class "${DEMO_CLASS}".` : `The demo class "${DEMO_CLASS}" already exists.`);
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email}  ${u.password}`);
    if (withFullClass) console.log(`"${FULL_CLASS}": ${fullClassEmail(1)} … ${fullClassEmail(30)}  ${FULL_CLASS_PASSWORD}`);
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
