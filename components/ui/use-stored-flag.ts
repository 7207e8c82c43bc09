"use client";

import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
/** Choices made where storage is unavailable, for the life of the page. */
const memory = new Map<string, boolean>();

/**
 * A yes/no preference kept in this browser (localStorage), such as reading
 * every thread in full: a screen-reader user sets it once, not on every
 * page. The server renders `fallback`; storage that is unavailable (private
 * modes, policies) just means the preference lasts for the page.
 */
export function useStoredFlag(key: string, fallback = false): [boolean, (value: boolean) => void] {
  const read = () => {
    if (memory.has(key)) return memory.get(key)!;
    try {
      const value = window.localStorage.getItem(key);
      return value === null ? fallback : value === "1";
    } catch {
      return fallback;
    }
  };
  const subscribe = useCallback((onChange: () => void) => {
    listeners.add(onChange);
    window.addEventListener("storage", onChange);
    return () => {
      listeners.delete(onChange);
      window.removeEventListener("storage", onChange);
    };
  }, []);
  const value = useSyncExternalStore(subscribe, read, () => fallback);
  const set = useCallback(
    (next: boolean) => {
      try {
        window.localStorage.setItem(key, next ? "1" : "0");
      } catch {
        // Not kept: the page still follows the choice through the memory fallback below.
        memory.set(key, next);
      }
      for (const l of listeners) l();
    },
    [key],
  );
  return [value, set];
}
