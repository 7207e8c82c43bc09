"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * Whether a pointer button is held down anywhere on the page, as a stable
 * function to call in handlers (no re-render). Lets focus handlers tell a
 * press, which is followed by a click that must not be disturbed, from
 * keyboard focus.
 */
export function useIsPressing(): () => boolean {
  const isPressing = useRef(false);
  useEffect(() => {
    const down = () => void (isPressing.current = true);
    const up = () => void (isPressing.current = false);
    const events = [
      ["pointerdown", down],
      ["pointerup", up],
      ["pointercancel", up],
    ] as const;
    // Capture phase: nothing inside the page can stop us from seeing it.
    for (const [name, handler] of events) document.addEventListener(name, handler, true);
    return () => {
      for (const [name, handler] of events) document.removeEventListener(name, handler, true);
    };
  }, []);
  return useCallback(() => isPressing.current, []);
}
