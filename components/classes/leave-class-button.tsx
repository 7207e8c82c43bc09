"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** A student leaves a class, after saying yes once: their annotations stay, their access ends. */
export function LeaveClassButton({ classId, className }: { classId: string; className: string }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!isConfirming) {
    return (
      <button type="button" className="button button-small button-quiet" onClick={() => setIsConfirming(true)}>
        Leave {className}
      </button>
    );
  }
  return (
    <span>
      Leave for good? Your notes stay with the class, but you will no longer see it.{" "}
      <button
        type="button"
        className="button button-small button-danger"
        onClick={async () => {
          const res = await callApi("POST", `/api/classes/${classId}/leave`, {});
          if (res.ok) router.refresh();
          else setError(res.message);
        }}
      >
        Yes, leave {className}
      </button>{" "}
      <button type="button" className="button button-small button-quiet" onClick={() => setIsConfirming(false)}>
        Stay
      </button>
      {error ? (
        <span role="alert" className="form-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
