/**
 * Follows an assignment's Server-Sent Events the way EventSource does:
 * reconnects after a drop or an error answer, sending Last-Event-ID.
 */
export class EventFollower {
  readonly entityIds = new Set<string>();
  /** How many times the stream had to be opened again. */
  reconnects = 0;
  private lastId: string | null = null;
  private controller = new AbortController();
  private done: Promise<void>;

  constructor(
    private url: string,
    private cookie: string,
  ) {
    this.done = this.run();
  }

  /** Resolves once every id has been heard of, or rejects after `timeoutMs`. */
  async waitFor(ids: Iterable<string>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const wanted = [...ids];
    while (wanted.some((id) => !this.entityIds.has(id))) {
      if (Date.now() > deadline) {
        const missing = wanted.filter((id) => !this.entityIds.has(id));
        throw new Error(`${missing.length} of ${wanted.length} events never arrived (e.g. ${missing[0]})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    let first = true;
    while (!this.controller.signal.aborted) {
      if (!first) {
        this.reconnects++;
        await new Promise((r) => setTimeout(r, 500));
      }
      first = false;
      try {
        const headers: Record<string, string> = { Cookie: this.cookie };
        if (this.lastId) headers["Last-Event-ID"] = this.lastId;
        const res = await fetch(this.url, { headers, signal: this.controller.signal });
        if (res.status !== 200 || !res.body) {
          await res.body?.cancel();
          continue;
        }
        await this.read(res.body);
      } catch {
        // dropped or aborted: reconnect unless stopping
      }
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const chunk = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let data: string | null = null;
        for (const line of chunk.split("\n")) {
          if (line.startsWith("id:")) this.lastId = line.slice(3).trim();
          if (line.startsWith("data:")) data = line.slice(5).trim();
        }
        if (data && data !== "{}") this.entityIds.add((JSON.parse(data) as { entityId: string }).entityId);
      }
    }
  }
}
