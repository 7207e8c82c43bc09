"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** Create an account (joining a class by code), then sign straight in. */
export function SignUpForm({ code }: { code: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      joinCode: String(form.get("joinCode") ?? ""),
    };
    setBusy(true);
    setError(null);
    const res = await callApi("POST", "/api/signup", input);
    if (!res.ok) {
      setBusy(false);
      setError(res.message);
      return;
    }
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    router.replace("/assignments");
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span>Your name</span>
        <input name="name" autoComplete="name" required maxLength={80} />
      </label>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label className="field">
        <span>Password (at least 10 characters)</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </label>
      <label className="field">
        <span>Class join code (from your teacher)</span>
        <input name="joinCode" defaultValue={code} autoComplete="off" autoCapitalize="characters" />
      </label>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <button className="button" type="submit" disabled={isBusy}>
        {isBusy ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
