import "server-only";
import bcrypt from "bcryptjs";

/** bcrypt cost: ~60 ms per hash on a 2-core school server, slow enough for guessing. */
const COST = 10;

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Compares in constant time; a missing hash still costs one comparison. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  // Comparing against a dummy hash keeps "no such user" as slow as "wrong password".
  const target = hash ?? "$2b$10$C8.FEyq.r0zMRj3nq3nHFeWUnUAhwSz6IozxXsW1xxgXdPSwVHQu2";
  const ok = await bcrypt.compare(password, target);
  return ok && Boolean(hash);
}
