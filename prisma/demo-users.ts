/** The demo class's people, shared by the seed, the demo script and the e2e sign-in fixture. */
export const DEMO_CLASS = "History 11B";
export const DEMO_ESSAY_SLUG = "destalinization-origins";
export const DEMO_JOIN_CODE = "HIST11B";

export const DEMO_USERS = [
  { name: "Ms. Okafor", email: "teacher@demo.school", password: "teach-history-11b", role: "teacher" },
  { name: "Ana Petrova", email: "ana@demo.school", password: "read-history-11b", role: "student" },
  { name: "Ben Hughes", email: "ben@demo.school", password: "read-history-11b", role: "student" },
  { name: "Chloe Martin", email: "chloe@demo.school", password: "read-history-11b", role: "student" },
] as const;

/** The 30-student class (`DEMO_FULL_CLASS=1 npm run demo`, `npm run db:seed -- --full-class`; prisma/seed-full-class.ts). */
export const FULL_CLASS = "History 11C";
export const FULL_CLASS_JOIN_CODE = "HIST11C";
export const FULL_CLASS_PASSWORD = "read-history-11c";

/** student01@demo.school … student30@demo.school. */
export const fullClassEmail = (n: number) => `student${String(n).padStart(2, "0")}@demo.school`;
