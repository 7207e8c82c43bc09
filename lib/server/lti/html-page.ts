import "server-only";
import { createNonce } from "@/lib/security/content-security-policy";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The few HTML answers the LTI endpoints give themselves (they are route
 * handlers, outside the pages' proxy): each with its own strict policy.
 * `frameAncestors` are the platform origins that may show it in their frame,
 * `formAction` the one address its form may post to, and the only script is
 * the one inline script given here, by nonce.
 */
export function htmlPage({
  title,
  body,
  status = 200,
  frameAncestors,
  formAction,
  script,
  headers = [],
}: {
  title: string;
  body: string;
  status?: number;
  frameAncestors: readonly string[];
  formAction?: string;
  script?: string;
  headers?: [string, string][];
}): Response {
  const nonce = createNonce();
  const policy = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    `form-action ${formAction ?? "'none'"}`,
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(" ") : "'none'"}`,
    "base-uri 'none'",
  ].join("; ");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · Marginalia</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.25rem}</style></head>
<body>${body}${script ? `<script nonce="${nonce}">${script}</script>` : ""}</body></html>`;
  const response = new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
  for (const [name, value] of headers) response.headers.append(name, value);
  return response;
}

/** A heading and a sentence, escaped. */
export function messageHtml(heading: string, sentence: string): string {
  return `<h1>${escape(heading)}</h1><p>${escape(sentence)}</p>`;
}

/**
 * A form that posts itself (the deep-linking answer): hidden fields, a
 * button for browsers without script, and the one line of script that submits it.
 */
export function autoPostPage({ action, fields, frameAncestors, heading }: { action: string; fields: Record<string, string>; frameAncestors: readonly string[]; heading: string }): Response {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("");
  return htmlPage({
    title: heading,
    body: `<h1>${escape(heading)}</h1><form id="post" method="post" action="${escape(action)}">${inputs}<button type="submit">Continue</button></form>`,
    frameAncestors,
    formAction: new URL(action).origin,
    script: 'document.getElementById("post").submit();',
  });
}
