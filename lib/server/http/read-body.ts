import "server-only";
import { AppError } from "@/lib/errors";

/** The 413 every bounded reader throws. */
export function tooLarge(limit: number): AppError {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${Math.round(limit / 1024)} KB`;
  return new AppError("too_large", `The request is larger than ${size}.`);
}

/**
 * Reads a request body of at most `limit` bytes. A declared Content-Length
 * over the limit is refused before a byte is read; a chunked body is read
 * only until it passes the limit, so a client cannot make the server buffer
 * (or wait for) megabytes it will refuse.
 *
 * The rest is left unread rather than cancelled: cancelling destroys the
 * socket while the client is still sending, the kernel answers with a reset,
 * and the client never sees the 413. Left alone, the request is paused by
 * backpressure, the 413 goes out, and Node's request timeout ends the socket.
 */
export async function readBoundedBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.releaseLock();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
