import "server-only";
import { randomBytes } from "node:crypto";
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, SignJWT, type JWK } from "jose";
import { db } from "@/lib/db";
import { SIGNING_ALG } from "@/lib/lti/vocabulary";
import { requireAdmin } from "@/lib/server/users/account-role";
import type { AccountRole } from "@/lib/generated/prisma/client";

/**
 * How long a replaced key stays in our published key set. Platforms cache
 * tool key sets (Canvas and Moodle for minutes to hours) and a token signed a
 * moment before a rotation must still verify; a week covers any cache and
 * any retried request.
 */
export const RETIRED_KEY_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

/** Any fixed key: only one instance at a time may create the first key or rotate. */
const KEY_LOCK = 7_011_015;

const importedKeys = new Map<string, Promise<CryptoKey>>();

async function newKey() {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true });
  const kid = randomBytes(12).toString("base64url");
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: "sig" };
  return { kid, privateKeyPem: await exportPKCS8(privateKey), publicJwk };
}

/**
 * The key we sign with: the newest unretired one, created on first use. Two
 * instances starting at once take a lock, so there is only ever one current key.
 */
async function currentKey(): Promise<{ kid: string; privateKeyPem: string }> {
  const select = { kid: true, privateKeyPem: true } as const;
  const found = await db.ltiKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" }, select });
  if (found) return found;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${KEY_LOCK})`;
    const again = await tx.ltiKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" }, select });
    if (again) return again;
    return tx.ltiKey.create({ data: await newKey(), select });
  });
}

/**
 * Signs `claims` as a JWT with our current key (RS256, its kid in the
 * header), for client assertions and deep-linking responses. Private keys
 * are read only here, and kept imported in memory per kid.
 */
export async function signToolJwt(claims: Record<string, unknown>): Promise<string> {
  const key = await currentKey();
  let imported = importedKeys.get(key.kid);
  if (!imported) {
    imported = importPKCS8(key.privateKeyPem, SIGNING_ALG);
    importedKeys.set(key.kid, imported);
  }
  return new SignJWT(claims).setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: "JWT" }).sign(await imported);
}

/**
 * Our public key set (RFC 7517), served at /api/lti/jwks: the current key
 * and the ones retired less than RETIRED_KEY_GRACE_MS ago. Makes the first
 * key if none exists yet, so a platform can fetch the set before any launch.
 */
export async function publishedKeySet(now = new Date()): Promise<{ keys: JWK[] }> {
  await currentKey();
  const rows = await db.ltiKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: new Date(now.getTime() - RETIRED_KEY_GRACE_MS) } }] },
    orderBy: { createdAt: "desc" },
    select: { publicJwk: true },
  });
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

/**
 * An administrator replaces our signing key: a new key signs from now on,
 * the old one stays published for the grace period. Platforms that read our
 * key set by URL (Moodle, Canvas, dynamic registrations) pick it up alone.
 */
export async function rotateToolKey({ viewer }: { viewer: { accountRole: AccountRole } }): Promise<{ kid: string }> {
  requireAdmin(viewer);
  const data = await newKey();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${KEY_LOCK})`;
    await tx.ltiKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: new Date() } });
    await tx.ltiKey.create({ data, select: { kid: true } });
  });
  return { kid: data.kid };
}

/** The key ids we publish, newest first, for the administrator's page. */
export async function listToolKeys({ viewer }: { viewer: { accountRole: AccountRole } }) {
  requireAdmin(viewer);
  return db.ltiKey.findMany({ orderBy: { createdAt: "desc" }, select: { kid: true, createdAt: true, retiredAt: true }, take: 10 });
}
