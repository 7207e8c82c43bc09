import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { newOneTimePassword, oneTimePasswordExpiry } from "@/lib/server/auth/one-time-password";
import { hashPassword } from "@/lib/server/auth/password";
import { upsertInvitation } from "@/lib/server/invitations/create-invitation";
import { displayNameSchema, emailSchema } from "@/lib/validation/classes";
import { taughtClass } from "./class-writes";

export interface AddedStudent {
  name: string;
  email: string;
  /**
   * Shown to the teacher once, on every row: a new account signs in with it
   * (for 7 days); an account that already existed keeps its own password and
   * the code does nothing. The same shape either way, so the answer does not
   * tell the teacher which addresses have accounts.
   */
  oneTimePassword: string;
  invitationExpiresAt: string;
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

/**
 * Adds a pasted list of students: every row becomes an invitation to the
 * class, which the student accepts in the app; nothing is enrolled before.
 * An email without an account gets one, with a one-time password that works
 * for 7 days and must be replaced at first sign-in. An account still waiting
 * for its first sign-in and already invited to or in this class gets a fresh
 * one (the teacher's "ask me for a new one"). Every row is hashed, whether its
 * code is stored or not, so the answer takes as long either way.
 */
export async function addStudents({ viewerId, classroomId, list }: { viewerId: string; classroomId: string; list: string }) {
  const found = await db.classroom.findFirst({ where: taughtClass(viewerId, classroomId), select: { id: true } });
  if (!found) throw notFound("That class");
  const rows = parseStudentList(list);
  const prepared = await Promise.all(
    rows.map(async (r) => {
      const password = newOneTimePassword();
      return { ...r, password, hash: await hashPassword(password) };
    }),
  );
  const expiresAt = oneTimePasswordExpiry();
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findMany({
      where: { email: { in: rows.map((r) => r.email) } },
      select: {
        email: true,
        mustChangePassword: true,
        memberships: { where: { classroomId }, select: { id: true } },
      },
    });
    const invitedHere = new Set(
      (await tx.invitation.findMany({ where: { classroomId, email: { in: rows.map((r) => r.email) } }, select: { email: true } })).map((i) => i.email),
    );
    const byEmail = new Map(existing.map((u) => [u.email, u]));
    const added: AddedStudent[] = [];
    for (const row of prepared) {
      const account = byEmail.get(row.email);
      if (!account) {
        await tx.user.create({
          data: { name: row.name, email: row.email, passwordHash: row.hash, mustChangePassword: true, oneTimePasswordExpiresAt: expiresAt },
        });
      } else if (account.mustChangePassword && (account.memberships.length > 0 || invitedHere.has(row.email))) {
        await tx.user.update({ where: { email: row.email }, data: { passwordHash: row.hash, oneTimePasswordExpiresAt: expiresAt } });
      }
      const receipt = await upsertInvitation(tx, { classroomId, role: "student", email: row.email, inviterId: viewerId });
      added.push({ name: row.name, email: row.email, oneTimePassword: row.password, invitationExpiresAt: receipt.expiresAt });
    }
    return added;
  });
}
