"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SIGN_IN_ERROR, signInErrorMessage } from "@/lib/format/sign-in-errors";

/**
 * Email + password form; errors are announced to screen readers. A throttled
 * attempt gets its own sentence, distinct from a wrong password. `initialError`
 * is the message for a `?error=` code the page was opened with.
 */
export function SignInForm({ returnTo, initialError = null }: { returnTo: string; initialError?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
      // next-auth reads `error` from the answer's URL, which is this callbackUrl on
      // success: its default, the current page, may still carry ?error=… from before.
      callbackUrl: returnTo,
    }).catch(() => undefined); // a refusal before next-auth (403, 413) has no URL for it to read
    setBusy(false);
    if (!result || result.error) {
      // The code is what authorize threw; 429 alone also means throttled.
      setError(signInErrorMessage(result?.status === 429 ? SIGN_IN_ERROR.throttled : (result?.error ?? SIGN_IN_ERROR.failed)));
      return;
    }
    router.replace(returnTo);
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <button className="button" type="submit" disabled={isBusy}>
        {isBusy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
