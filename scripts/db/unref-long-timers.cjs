// Preloaded into the Prisma 6.19 CLI by scripts/db/migrate.ts. Its WebAssembly
// schema engine races the migration lock against a 10 s timer that it never
// clears, so every command sat idle for 10 s after finishing. Unref'd timers
// still fire while the CLI works; they just no longer keep it alive.
const original = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
