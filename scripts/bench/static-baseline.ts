import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Block } from "@/lib/content";
import { onCleanup } from "./cleanup";

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The essay as one static page: the same blocks the reader renders, no script, no annotations. */
export function renderStaticEssay(title: string, text: string, blocks: Block[]): string {
  const parts: string[] = [];
  let inList = false;
  for (const b of blocks) {
    const words = escapeHtml(text.slice(b.start, b.end));
    if (b.type === "listItem" && !inList) parts.push("<ul>");
    if (b.type !== "listItem" && inList) parts.push("</ul>");
    inList = b.type === "listItem";
    if (b.type === "heading") parts.push(`<h${b.level ?? 2}>${words}</h${b.level ?? 2}>`);
    else if (b.type === "listItem") parts.push(`<li>${words}</li>`);
    else if (b.type === "quote") parts.push(`<blockquote>${words}</blockquote>`);
    else parts.push(`<p>${words}</p>`);
  }
  if (inList) parts.push("</ul>");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:40rem;margin:2rem auto}</style></head>
<body><article>${parts.join("\n")}</article></body></html>`;
}

/** Serves `html` at every path from a plain Node http server on localhost; stopped with the bench. */
export async function serveStatic(html: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const body = Buffer.from(html);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  const stop = onCleanup("static baseline server", async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://localhost:${port}`, stop };
}
