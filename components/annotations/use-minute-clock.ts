"use client";

import { useSyncExternalStore } from "react";

/**
 * One shared clock for every timestamp on the page: a thread list with 200
 * replies needs one interval, not 200. It ticks each minute, and at once when
 * a tab becomes visible again (a Chromebook waking from sleep would otherwise
 * show "2 min ago" for up to a minute after a night in a bag).
 */

const TICK_MS = 60_000;
const listeners = new Set<() => void>();
let current = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function tick(): void {
  current = Date.now();
  listeners.forEach((listener) => listener());
}

function onVisibilityChange(): void {
  if (document.visibilityState === "visible") tick();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    // The clock may have stood still while nothing was subscribed.
    current = Date.now();
    timer = setInterval(tick, TICK_MS);
    document.addEventListener("visibilitychange", onVisibilityChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
      document.removeEventListener("visibilitychange", onVisibilityChange);
    }
  };
}

function getSnapshot(): number {
  // Stable between ticks, as useSyncExternalStore requires.
  if (current === 0) current = Date.now();
  return current;
}

function getServerSnapshot(): null {
  return null;
}

/**
 * The current time in ms, updated every minute; null during server rendering
 * and hydration, so callers render something time-independent first and the
 * server HTML always matches the client's first render.
 */
export function useMinuteClock(): number | null {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
