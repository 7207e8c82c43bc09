/**
 * A Server-Sent Events reader on fetch's streaming body, timestamping each
 * event as it arrives. `ready` resolves on the first bytes (the server writes
 * "retry:" once the subscription exists).
 */
export interface SseEvent {
  event: string;
  data: string;
  /** performance.now() when the event's last line arrived. */
  at: number;
  /** The event's size on the wire (UTF-8, with its blank-line separator). */
  bytes: number;
}

export interface SseListener {
  ready: Promise<void>;
  close: () => void;
}

export function openSseListener(url: string, cookie: string, onEvent: (e: SseEvent) => void): SseListener {
  const controller = new AbortController();
  let markReady: () => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    fail = reject;
  });
  void (async () => {
    try {
      const res = await fetch(url, { headers: { Cookie: cookie, Accept: "text/event-stream" }, signal: controller.signal });
      if (res.status !== 200 || !res.body) throw new Error(`GET ${url} answered ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        markReady();
        const at = performance.now();
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const chunk = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = "";
          let data = "";
          for (const line of chunk.split("\n")) {
            if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("data:")) data += line.slice(5).trim();
          }
          if (event) onEvent({ event, data, at, bytes: Buffer.byteLength(chunk) + 2 });
        }
      }
      fail(new Error(`${url} closed before it was ready`));
    } catch (error) {
      fail(error);
    }
  })();
  ready.catch(() => {}); // read by the caller; a late failure after close is expected
  return { ready, close: () => controller.abort() };
}
