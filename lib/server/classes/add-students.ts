import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { hashPassword } from "@/lib/server/auth/password";
import { displayNameSchema, emailSchema } from "@/lib/validation/classes";
import { taughtClass } from "./class-writes";

export interface AddedStudent {
  name: string;
  email: string;
  /** Shown to the teacher once; null when the account already existed. */
  oneTimePassword: string | null;
}

/** Reads "Name, email" or "Name <email>" lines; reports the first bad line by number. */
export function parseStudentList(list: string): { name: string; email: string }[] {
  const rows: { name: string; email: string }[] = [];
  const seen = new Set<string>();
  list.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^(.*?)\s*<([^>]+)>$/.exec(line) ?? /^(.*?)\s*[,;\t]\s*(\S+@\S+)$/.exec(line);
    const name = displayNameSchema.safeParse(match?.[1]);
    const email = emailSchema.safeParse(match?.[2]);
    // A name refused for what it holds (a direction control, an invisible character) says why.
    if (match?.[1] && !name.success && email.success) throw new AppError("invalid", `Line ${i + 1}: ${name.error.issues[0].message}`);
    if (!match || !name.success || !email.success) {
      throw new AppError("invalid", `Line ${i + 1} is not "Name, email": ${line.slice(0, 80)}`);
    }
    if (seen.has(email.data)) return;
    seen.add(email.data);
    rows.push({ name: name.data, email: email.data });
  });
  if (rows.length === 0) throw new AppError("invalid", "Paste at least one student: one per line, as Name, email.");
  if (rows.length > 300) throw new AppError("invalid", "Add at most 300 students at a time.");
  return rows;
}

const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function oneTimePassword(): string {
  let p = "";
  for (let i = 0; i < 12; i++) p += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return p;
}

/**
 * Adds a pasted list of students. New accounts get a one-time password
 * (returned once, for the teacher to hand out; the student must change it at
 * first sign-in); existing accounts are simply added to the class.
 */
export async function addStudents({ viewerId, classroomId, list }: { viewerId: string; classroomId: string; list: string }) {
  const found = await db.classroom.findFirst({ where: taughtClass(viewerId, classroomId), select: { id: true } });
  if (!found) throw notFound("That class");
  const rows = parseStudentList(list);
  const existing = new Map(
    (await db.user.findMany({ where: { email: { in: rows.map((r) => r.email) } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]),
  );
  const prepared = await Promise.all(
    rows.map(async (r) => {
      const password = existing.has(r.email) ? null : oneTimePassword();
      return { ...r, password, hash: password ? await hashPassword(password) : null };
    }),
  );
  const added: AddedStudent[] = [];
  await db.$transaction(async (tx) => {
    for (const row of prepared) {
      const userId =
        existing.get(row.email) ??
        (await tx.user.create({ data: { name: row.name, email: row.email, passwordHash: row.hash, mustChangePassword: true } })).id;
      existing.set(row.email, userId);
      await tx.membership.upsert({
        where: { userId_classroomId: { userId, classroomId } },
        create: { userId, classroomId, role: "student" },
        update: {},
      });
      added.push({ name: row.name, email: row.email, oneTimePassword: row.password });
    }
  });
  return added;
}
