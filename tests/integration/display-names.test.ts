import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addStudents } from "@/lib/server/classes/add-students";
import { createClass } from "@/lib/server/classes/class-writes";
import { signUp } from "@/lib/server/users/sign-up";
import { signUpSchema } from "@/lib/validation/classes";
import { makeUser } from "../support/world";

const IMPOSTOR = "Ms. Okafor\u200B\u202E";
let teacherId: string;
let classroomId: string;

/** The sentence a refused write answers with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return `${error.code}: ${error.message}`;
}

beforeAll(async () => {
  teacherId = (await makeUser("Ms. Okafor", "teacher")).id;
  classroomId = (await createClass({ viewerId: teacherId, name: "Names class" })).id;
});

describe("display names wherever they are set", () => {
  it("sign-up refuses a name with a direction override or a zero-width space, with a sentence, and creates nothing", () => {
    const parsed = signUpSchema.safeParse({ name: IMPOSTOR, email: "impostor@test.school", password: "long-enough-pw" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["name"], message: expect.stringContaining("U+202E") });
  });

  it("sign-up stores the NFC form of a name typed with combining accents", async () => {
    const email = `nfc-${Date.now()}@test.school`;
    const input = signUpSchema.parse({ name: "Rene\u0301e", email, password: "long-enough-pw" });
    await signUp(input);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Ren\u00e9e");
  });

  it("a pasted roster names the line and the reason, and adds no one from it", async () => {
    const email = `roster-${Date.now()}@test.school`;
    const list = `Ada Brown, ada-${email}\nMs. Okafor\u2066, ${email}`;
    expect(await refusal(addStudents({ viewerId: teacherId, classroomId, list }))).toBe(
      "invalid: Line 2: A name cannot contain text-direction controls (U+2066): they can make it look like someone else's.",
    );
    expect(await db.user.count({ where: { email: { in: [email, `ada-${email}`] } } })).toBe(0);
  });

  it("a pasted roster stores names in NFC", async () => {
    const email = `roster-nfc-${Date.now()}@test.school`;
    await addStudents({ viewerId: teacherId, classroomId, list: `Jose\u0301 Nu\u0303nez, ${email}` });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Jos\u00e9 N\u0169nez");
  });
});
