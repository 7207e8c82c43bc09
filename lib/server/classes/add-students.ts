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
    const match = splitStudentLine(line);
    const name = displayNameSchema.safeParse(match?.[1]);
    const email = emailSchema.safeParse(match?.[2]);
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

const SPACE = /\s/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Name and email of one trimmed roster line: "Name <email>", or "Name" then
 * a comma, semicolon or tab, then one word holding an inner "@". Read by hand
 * because the equivalent patterns (/^(.*?)\s*<([^>]+)>$/ and
 * /^(.*?)\s*[,;\t]\s*(\S+@\S+)$/) backtrack quadratically on long runs of
 * spaces or separators. The earliest separator that works wins, as there.
 */
function splitStudentLine(line: string): [string, string, string] | null {
  const name = (end: number) => {
    const value = line.slice(0, end).trimEnd();
    return LINE_BREAK.test(value) ? null : value;
  };
  if (line.endsWith(">")) {
    const open = line.indexOf("<", line.lastIndexOf(">", line.length - 2) + 1);
    const email = line.slice(open + 1, -1);
    const who = open >= 0 ? name(open) : null;
    if (who !== null && email.length > 0) return [line, who, email];
  }
  // nextWord[i]: the first non-space index at or after i; lastSpace: where the final word starts, minus one.
  const nextWord = new Array<number>(line.length + 1);
  nextWord[line.length] = line.length;
  for (let i = line.length - 1; i >= 0; i--) nextWord[i] = SPACE.test(line[i]) ? nextWord[i + 1] : i;
  let finalWord = line.length;
  while (finalWord > 0 && !SPACE.test(line[finalWord - 1])) finalWord--;
  const lastAt = line.lastIndexOf("@", line.length - 2);
  for (let i = 0; i < line.length; i++) {
    if (!",;\t".includes(line[i])) continue;
    const from = nextWord[i + 1];
    if (from < finalWord || from >= line.length || lastAt < from + 1) continue;
    const who = name(i);
    return who === null ? null : [line, who, line.slice(from)];
  }
  return null;
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
