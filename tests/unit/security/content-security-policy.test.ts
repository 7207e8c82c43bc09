import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security/content-security-policy";

/** The policy as a map from directive to its sources. */
function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("page Content-Security-Policy", () => {
  const nonce = createNonce();
  const policy = directivesOf(buildContentSecurityPolicy({ nonce }));

  it("lets scripts run only with this response's nonce (and what they load)", () => {
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("locks down everything else a page could be made to load or do", () => {
    expect(Object.fromEntries(policy)).toMatchObject({
      "default-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "connect-src": ["'self'"],
      "frame-ancestors": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "object-src": ["'none'"],
    });
  });

  it("adds 'unsafe-eval' only in development, where React's error overlay needs it", () => {
    const dev = directivesOf(buildContentSecurityPolicy({ nonce, isDev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
  });

  it("uses a new 128-bit nonce every time, in a form Next.js reads back for its own scripts", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const n of [...nonces].slice(0, 20)) {
      expect(Buffer.from(n, "base64")).toHaveLength(16);
      // Next applies the nonce to its inline scripts only if it can parse it out of the header.
      expect(getScriptNonceFromHeader(buildContentSecurityPolicy({ nonce: n }))).toBe(n);
    }
  });
});
