"use client";

import { useCallback, useState } from "react";
import type { AnnotationDTO, Scope } from "@/lib/annotations/types";
import type { Region } from "@/lib/sources/regions";
import type { RegionAction } from "./picture-regions";

type Answer = { ok: true; data: { annotation: AnnotationDTO } } | { ok: false; message: string };

interface Options {
  create: (input: { id: string; kind: "highlight"; scope: Scope; region: Region }) => Promise<Answer>;
  defaultScope: Scope;
  /** Comment on or flag the region: the reader opens its composer. */
  onCompose: (kind: "comment" | "flag", region: Region) => void;
  onHighlighted: (id: string) => void;
  onStatus: (message: string) => void;
}

/**
 * The region being marked on a picture reading and what the reader does with
 * it: a highlight is posted at once; a comment or flag opens the composer,
 * and the region stays drawn until it is posted or dropped.
 */
export function useRegionDraft({ create, defaultScope, onCompose, onHighlighted, onStatus }: Options) {
  const [draft, setDraft] = useState<Region | null>(null);
  const [isBusy, setBusy] = useState(false);
  const act = useCallback(
    async (action: RegionAction) => {
      if (!draft || isBusy) return;
      if (action !== "highlight") return onCompose(action, draft);
      setBusy(true);
      const res = await create({ id: crypto.randomUUID(), kind: "highlight", scope: defaultScope, region: draft });
      setBusy(false);
      onStatus(res.ok ? "Region highlighted." : res.message);
      if (res.ok) {
        setDraft(null);
        onHighlighted(res.data.annotation.id);
      }
    },
    [draft, isBusy, create, defaultScope, onCompose, onHighlighted, onStatus],
  );
  return { draft, setDraft, act, isBusy };
}
