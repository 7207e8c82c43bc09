/*
 * An S3-compatible server for the storage tests, offline: s3rver (a fake S3
 * in Node, kept on disk in a temporary folder) behind a proxy that checks
 * every request's AWS Signature Version 4 with the verifier below, since
 * s3rver itself does not check version 4 signatures. The verifier is held to
 * AWS's own published example (tests/integration/source-storage.test.ts).
 */
import { createHash, createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export interface SignedRequest {
  method: string;
  /** The path as sent, query included (`/bucket/key?list-type=2`). */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Why a request's SigV4 signature is wrong for `secret`, or null when it is right (the spec's canonical request, for S3). */
export function checkSignature(req: SignedRequest, secret: string): string | null {
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const auth = /^AWS4-HMAC-SHA256 Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? "");
  if (!auth) return "no SigV4 Authorization header";
  const [, date, region, service, signedHeaders, signature] = auth;
  const amzDate = headers["x-amz-date"];
  if (!amzDate?.startsWith(date)) return "x-amz-date does not match the credential's date";
  const payload = headers["x-amz-content-sha256"];
  if (!payload) return "no x-amz-content-sha256";
  if (payload !== "UNSIGNED-PAYLOAD" && payload !== sha256(req.body)) return "the body's sha256 is not x-amz-content-sha256";
  const [pathPart, query = ""] = req.url.split(/\?(.*)/s);
  const canonicalQuery = query
    .split("&")
    .filter(Boolean)
    .map((pair) => pair.split(/=(.*)/s).map((p) => rfc3986(decodeURIComponent((p ?? "").replace(/\+/g, " ")))))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : 1))
    .map(([k, v]) => `${k}=${v ?? ""}`)
    .join("&");
  const names = signedHeaders.split(";");
  const canonicalHeaders = names.map((n) => `${n}:${(headers[n] ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonicalRequest = [req.method, pathPart, canonicalQuery, canonicalHeaders, signedHeaders, payload].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
  return hmac(key, stringToSign).toString("hex") === signature ? null : "SignatureDoesNotMatch";
}

export interface TestS3 {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Requests the proxy refused, with the reason. */
  refused: string[];
  stop(): Promise<void>;
}

/** s3rver with one bucket, behind the verifying proxy; its key pair is s3rver's own (S3RVER / S3RVER). */
export async function startTestS3(bucket = "marginalia"): Promise<TestS3> {
  const dir = mkdtempSync(path.join(tmpdir(), "s3rver-"));
  const s3rver = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port: backend } = (await s3rver.run()) as AddressInfo;
  const secretAccessKey = "S3RVER";
  const refused: string[] = [];
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));
      const why = checkSignature({ method: req.method!, url: req.url!, headers, body }, secretAccessKey);
      if (why) {
        refused.push(`${req.method} ${req.url}: ${why}`);
        res.writeHead(403, { "Content-Type": "application/xml" }).end(`<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>${why}</Message></Error>`);
        return;
      }
      const forwarded = await fetch(`http://127.0.0.1:${backend}${req.url}`, {
        method: req.method,
        headers: Object.fromEntries(Object.entries(headers).filter(([k]) => !["host", "content-length", "connection"].includes(k))),
        body: ["GET", "HEAD"].includes(req.method!) ? undefined : body,
      });
      const out = Buffer.from(await forwarded.arrayBuffer());
      res.writeHead(forwarded.status, { "Content-Type": forwarded.headers.get("content-type") ?? "application/octet-stream" }).end(out);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    bucket,
    accessKeyId: "S3RVER",
    secretAccessKey,
    refused,
    async stop() {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await s3rver.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
