import "server-only";
import { db } from "@/lib/db";

/** Whether the user wants the e-mail digest (on unless they turned it off). */
export async function findEmailDigest({ viewerId }: { viewerId: string }): Promise<boolean> {
  const user = await db.user.findUniqueOrThrow({ where: { id: viewerId }, select: { emailDigest: true } });
  return user.emailDigest;
}

/** Turns the user's own digest on or off; answers the setting as stored. */
export async function setEmailDigest({ viewerId, isOn }: { viewerId: string; isOn: boolean }): Promise<boolean> {
  const user = await db.user.update({ where: { id: viewerId }, data: { emailDigest: isOn }, select: { emailDigest: true } });
  return user.emailDigest;
}
