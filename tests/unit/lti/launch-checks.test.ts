import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { refusedCheck } from "@/lib/lti/launch-error";
import { CLOCK_SKEW_S, verifyLaunchToken } from "@/lib/lti/id-token";
import { authenticationRequestUrl, parseLoginInitiation } from "@/lib/lti/login-initiation";

/*
 * The id_token checks without a network: a key pair made here, the claims of
 * a resource-link launch (LTI Core 1.3 §5.3), and the clock moved around the
 * token's exp and iat to pin the allowed skew.
 */
const platform = { issuer: "https://lms.school.edu", clientId: "tool-1", deploymentIds: ["d-1"] };
let keys: Awaited<ReturnType<typeof generateKeyPair>>;
const NOW = Date.UTC(2026, 11, 7, 12);

function claims(overrides: Record<string, unknown> = {}) {
  const t = Math.floor(NOW / 1000);
  return {
    iss: platform.issuer,
    aud: platform.clientId,
    sub: "u-1",
    iat: t,
    exp: t + 300,
    nonce: "n-1",
    "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "d-1",
    "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
    "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
    "https://purl.imsglobal.org/spec/lti/claim/target_link_uri": "https://tool.x/api/lti/launch",
    "https://purl.imsglobal.org/spec/lti/claim/roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
    "https://purl.imsglobal.org/spec/lti/claim/context": { id: "c-1", title: "History" },
    "https://purl.imsglobal.org/spec/lti/claim/resource_link": { id: "r-1" },
    ...overrides,
  };
}

const sign = (payload: Record<string, unknown>) => new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid: "k1" }).sign(keys.privateKey);
const verify = async (token: string, now = NOW) => verifyLaunchToken({ token, platform, getKey: async () => keys.publicKey, nonce: "n-1", now });
const checkOf = (promise: Promise<unknown>) => promise.then(() => null, refusedCheck);

beforeAll(async () => {
  keys = await generateKeyPair("RS256");
  await exportJWK(keys.publicKey);
});

describe("id_token checks (Security Framework 1.0 §5.1.3)", () => {
  it("accepts a well-formed launch and reads what the tool acts on", async () => {
    expect(await verify(await sign(claims()))).toMatchObject({ sub: "u-1", role: "student", context: { id: "c-1", title: "History" }, resourceLink: { id: "r-1", title: null } });
  });

  it(`allows ${CLOCK_SKEW_S} s of clock skew on exp and iat, and not a second more`, async () => {
    const t = Math.floor(NOW / 1000);
    const expired = await sign(claims({ exp: t - 30 }));
    expect(await checkOf(verify(expired))).toBeNull();
    expect(await checkOf(verify(expired, NOW + (CLOCK_SKEW_S - 30) * 1000))).toBe("exp");
    const early = await sign(claims({ iat: t + 30 }));
    expect(await checkOf(verify(early))).toBeNull();
    expect(await checkOf(verify(await sign(claims({ iat: t + CLOCK_SKEW_S + 1 }))))).toBe("iat");
  });

  it("names the check that failed", async () => {
    expect(await checkOf(verify(await sign(claims({ aud: ["tool-1", "tool-2"] }))))).toBe("azp");
    expect(await checkOf(verify(await sign(claims({ aud: ["tool-1", "tool-2"], azp: "tool-1" }))))).toBeNull();
    expect(await checkOf(verify(await sign(claims({ nonce: "other" }))))).toBe("nonce");
    expect(await checkOf(verify(await sign(claims({ "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "d-2" }))))).toBe("deployment_id");
    expect(await checkOf(verify("not.a.jwt"))).toBe("signature");
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify(claims())).toString("base64url")}.`;
    expect(await checkOf(verify(unsigned))).toBe("algorithm");
  });
});

describe("login initiation (§5.1.1)", () => {
  const params = new URLSearchParams({ iss: platform.issuer, login_hint: "h", target_link_uri: "https://tool.x/api/lti/launch", lti_message_hint: "m" });

  it("sends the browser to the platform with an implicit form_post id_token request, echoing the hints", () => {
    const login = parseLoginInitiation(params, "https://tool.x");
    const url = new URL(authenticationRequestUrl({ authLoginUrl: "https://lms.school.edu/auth?x=1", clientId: "tool-1", redirectUri: "https://tool.x/api/lti/launch", login, state: "s", nonce: "n" }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      x: "1",
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: "tool-1",
      redirect_uri: "https://tool.x/api/lti/launch",
      login_hint: "h",
      state: "s",
      nonce: "n",
      lti_message_hint: "m",
    });
  });

  it("refuses a target on another site and a request missing what it must carry", () => {
    expect(() => parseLoginInitiation(params, "https://other-tool.x")).toThrow(/another site/);
    expect(() => parseLoginInitiation(new URLSearchParams({ iss: platform.issuer }), "https://tool.x")).toThrow(/missing/);
  });
});
