"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { SourceProvenanceFields, type SourceFields } from "./source-provenance-fields";

/**
 * The owner corrects a file reading's provenance after upload: saved in place
 * (PATCH /api/readings/:id/details), the text and annotations untouched.
 */
export function SourceDetailsForm({ essayId, initial, isPicture }: { essayId: string; initial: SourceFields; isPicture: boolean }) {
  const router = useRouter();
  const [fields, setFields] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (patch: Partial<SourceFields>) => setFields((f) => ({ ...f, ...patch }));
  return (
    <form
      className="stack"
      aria-labelledby="details-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const res = await callApi("PATCH", `/api/readings/${essayId}/details`, fields);
        if (!res.ok) return setMessage({ ok: false, text: res.message });
        setMessage({ ok: true, text: "Saved. The text and its annotations are unchanged." });
        router.refresh();
      }}
    >
      <h2 id="details-heading">The document&rsquo;s details</h2>
      <SourceProvenanceFields fields={fields} set={set} needsAltText={isPicture} />
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "form-error"}>
          {message.text}
        </p>
      ) : null}
      <button className="button" type="submit">
        Save the details
      </button>
    </form>
  );
}
