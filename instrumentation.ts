/**
 * Runs once when a server instance starts: check the environment (one clear
 * line and exit if it is wrong), then bring the content folder into the
 * database (new essays, new revisions).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/startup");
  await startServer();
}
