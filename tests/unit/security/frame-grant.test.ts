import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { readFrameGrant, signFrameGrant, toFrameOrigin } from "@/lib/security/frame-grant";

const SECRET = "unit-secret-0123456789";
const NOW = 1_800_000_000_000;

describe("the frame grant an LTI launch sets", () => {
  it("names the platform's origins until it expires, signed so no one else can make one", () => {
    const value = signFrameGrant(["https://moodle.school.edu/course/view.php", "https://moodle.school.edu"], NOW + 1000, SECRET);
    expect(readFrameGrant(value, SECRET, NOW)).toEqual(["https://moodle.school.edu"]);
    expect(readFrameGrant(value, SECRET, NOW + 1000)).toBeNull();
    expect(readFrameGrant(value, "another-secret-0123456789", NOW)).toBeNull();
    const [payload, mac] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ o: ["https://evil.example"], e: NOW + 1000 })).toString("base64url");
    expect(readFrameGrant(`${forged}.${mac}`, SECRET, NOW)).toBeNull();
    expect(readFrameGrant(`${payload}.`, SECRET, NOW)).toBeNull();
    expect(readFrameGrant(undefined, SECRET, NOW)).toBeNull();
  });

  it("keeps only plain origins, so nothing can be smuggled into the policy", () => {
    expect(toFrameOrigin("https://lms.school.edu:8443/a?b")).toBe("https://lms.school.edu:8443");
    expect(toFrameOrigin("javascript:alert(1)")).toBeNull();
    expect(toFrameOrigin("https://*.school.edu")).toBeNull();
    expect(readFrameGrant(signFrameGrant(["https://a.edu; script-src *"], NOW + 1000, SECRET), SECRET, NOW)).toBeNull();
  });

  it("turns frame-ancestors from 'none' into exactly those origins, and nothing else in the policy changes", () => {
    const plain = buildContentSecurityPolicy({ nonce: "n" });
    const framed = buildContentSecurityPolicy({ nonce: "n", frameAncestors: ["https://moodle.school.edu", "https://lms.x"] });
    expect(plain).toContain("frame-ancestors 'none'");
    expect(framed).toContain("frame-ancestors https://moodle.school.edu https://lms.x;");
    expect(framed.replace("https://moodle.school.edu https://lms.x", "'none'")).toBe(plain);
  });
});
