"use client";

import { useMemo, useRef } from "react";

/**
 * The client id of a create that is in progress. The server de-duplicates
 * creates by this id, so pressing "Post" again after a 503 or a lost answer
 * must send the same one: it stays until the create succeeds or the person
 * abandons it (cancels, closes the form), and only then does the next
 * create get a fresh id.
 */
export function usePendingId(): { current: () => string; settle: () => void } {
  const id = useRef<string | null>(null);
  return useMemo(
    () => ({
      current: () => (id.current ??= crypto.randomUUID()),
      settle: () => {
        id.current = null;
      },
    }),
    [],
  );
}
