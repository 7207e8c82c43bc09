"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** Name a new class; the teacher lands on its page with the join code. */
export function CreateClassForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="inline-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const name = String(new FormData(event.currentTarget).get("name") ?? "");
        const res = await callApi<{ class: { id: string } }>("POST", "/api/classes", { name });
        if (!res.ok) return setError(res.message);
        router.push(`/classes/${res.data.class.id}`);
      }}
    >
      <label className="field">
        <span>New class name</span>
        <input name="name" required maxLength={80} placeholder="e.g. History 11B" />
      </label>
      <button className="button" type="submit">
        Create class
      </button>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
