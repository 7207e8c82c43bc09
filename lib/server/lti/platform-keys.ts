import "server-only";
import { createRemoteJWKSet } from "jose";
import { getLtiEnv } from "@/lib/env";

type KeySet = ReturnType<typeof createRemoteJWKSet>;

const keySets = new Map<string, KeySet>();

/**
 * A platform's public keys, by its key set URL: fetched on first use, kept in
 * memory (jose's remote key set, 10 minutes), and fetched again when a token
 * names a key id the cached set lacks, which is how a platform's key rotation
 * reaches us. Such refetches are at most one per LTI_JWKS_COOLDOWN_MS
 * (10 s), so tokens with made-up key ids cannot make us hammer the platform;
 * an id still unknown after the refetch is refused (id-token.ts).
 */
export function platformKeys(jwksUrl: string): KeySet {
  let set = keySets.get(jwksUrl);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), {
      cooldownDuration: getLtiEnv().LTI_JWKS_COOLDOWN_MS,
      cacheMaxAge: 10 * 60 * 1000,
      timeoutDuration: 5_000,
    });
    keySets.set(jwksUrl, set);
  }
  return set;
}
