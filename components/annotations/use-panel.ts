"use client";

import { useEffect, useRef, useState, type RefObject } from "react";

/**
 * One inline panel at a time (reply box, edit form, delete confirmation) and
 * the focus bookkeeping around it: when a panel closes, focus goes back to
 * the button that opened it, or to `fallback` when that button is gone
 * (after a delete). Without this, keyboard users land on <body>.
 */
export function usePanel<Name extends string>(fallback: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState<Name | null>(null);
  const triggers = useRef(new Map<Name, HTMLElement>());
  const returnTo = useRef<Name | "fallback" | null>(null);

  useEffect(() => {
    if (open !== null || returnTo.current === null) return;
    const target = returnTo.current === "fallback" ? null : triggers.current.get(returnTo.current);
    returnTo.current = null;
    (target?.isConnected ? target : fallback.current)?.focus();
  }, [open, fallback]);

  /** Callback ref for the button that opens `name`. */
  function trigger(name: Name) {
    return (el: HTMLElement | null) => {
      if (el) triggers.current.set(name, el);
      else triggers.current.delete(name);
    };
  }

  /** Closes the panel; focus returns to its button, or to the fallback with `toFallback`. */
  function close(toFallback = false) {
    if (open !== null) returnTo.current = toFallback ? "fallback" : open;
    setOpen(null);
  }

  return { open, show: setOpen as (name: Name) => void, close, trigger };
}

/** What usePanel returns. */
export type Panel<Name extends string> = ReturnType<typeof usePanel<Name>>;
