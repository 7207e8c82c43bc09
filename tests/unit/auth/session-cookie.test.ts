import { describe, expect, it } from "vitest";
import { EXPIRED_MESSAGE, SIGN_IN_ERROR, signInErrorMessage, THROTTLED_MESSAGE } from "@/lib/format/sign-in-errors";
import { sessionCookie } from "@/lib/server/auth/session-cookie";

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax on every deployment", () => {
    for (const url of ["http://localhost:3000", "https://reader.school.edu", undefined]) {
      expect(sessionCookie(url).options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    }
  });

  it("is Secure, with the __Secure- prefix, when the public address is https", () => {
    expect(sessionCookie("https://reader.school.edu")).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("is not Secure on plain http, where the browser would drop a Secure cookie", () => {
    expect(sessionCookie("http://localhost:3000")).toMatchObject({ name: "next-auth.session-token", options: { secure: false } });
    expect(sessionCookie(undefined).options.secure).toBe(false);
  });
});

describe("sign-in error messages", () => {
  it("tells a throttled attempt apart from a wrong password", () => {
    expect(signInErrorMessage(SIGN_IN_ERROR.throttled)).toBe(THROTTLED_MESSAGE);
    expect(THROTTLED_MESSAGE).toBe("Too many sign-in attempts. Wait a few minutes and try again.");
    expect(signInErrorMessage("CredentialsSignin")).toBe("That email and password do not match an account.");
    expect(signInErrorMessage(SIGN_IN_ERROR.unavailable)).toMatch(/try again/i);
    expect(new Set(Object.values(SIGN_IN_ERROR).map(signInErrorMessage)).size).toBe(4);
  });

  it("tells a student whose one-time password expired to ask the teacher for a new one", () => {
    expect(signInErrorMessage(SIGN_IN_ERROR.expired)).toBe(EXPIRED_MESSAGE);
    expect(EXPIRED_MESSAGE).toMatch(/expired.*Ask your teacher for a new one/);
  });
});
