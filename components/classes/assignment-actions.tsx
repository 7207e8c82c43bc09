"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** Archive (hidden from students, read-only) or delete (with its annotations, after a yes) one assignment. */
export function AssignmentActions({ id, title, isArchived }: { id: string; title: string; isArchived: boolean }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (method: string, body?: unknown) => {
    const res = await callApi(method, `/api/assignments/${id}`, body);
    if (res.ok) router.refresh();
    else setError(res.message);
  };
  return (
    <>
      {isArchived ? <span className="badge">archived</span> : null}{" "}
      <button type="button" className="button button-small button-quiet" onClick={() => send("PATCH", { archived: !isArchived })}>
        {isArchived ? `Bring back ${title}` : `Archive ${title}`}
      </button>{" "}
      {isConfirming ? (
        <>
          Delete it and every annotation on it?{" "}
          <button type="button" className="button button-small button-danger" onClick={() => send("DELETE")}>
            Yes, delete {title}
          </button>{" "}
          <button type="button" className="button button-small button-quiet" onClick={() => setIsConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" className="button button-small button-quiet" onClick={() => setIsConfirming(true)}>
          Delete
        </button>
      )}
      {error ? (
        <span role="alert" className="form-error">
          {error}
        </span>
      ) : null}
    </>
  );
}
