import "server-only";
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/*
 * Where uploaded files' bytes live. By default in PostgreSQL (the row's
 * `bytes`), so every instance reads the same files with nothing else to run.
 * With S3_BUCKET set, in an S3-compatible bucket instead (the row keeps the
 * object's key, its sha256 and size): requests are signed with AWS Signature
 * Version 4 by aws4fetch, a maintained signer of 88 KB with no dependencies,
 * on Node's own fetch (@aws-sdk/client-s3 installs about 22 MB for the four
 * calls made here). Rows are the truth: an object no row names
 * (its reading deleted, or an upload whose transaction failed) is removed by
 * sweepStoredObjects.
 */

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` (MinIO, most self-hosted servers) rather than `https://bucket.endpoint/key`. */
  forcePathStyle: boolean;
}

/** Objects are kept under this prefix, named by their sha256: the same bytes are one object, whichever readings use them. */
const PREFIX = "source-files/";
/** An object younger than this may belong to an upload whose row is not committed yet: the sweep leaves it. */
const SWEEP_GRACE_MS = 60 * 60 * 1000;

/** The bucket's settings from the environment, or null for PostgreSQL storage; a half-set bucket is an error naming what is missing. */
export function s3Settings(env: NodeJS.ProcessEnv = process.env): S3Settings | null {
  if (!env.S3_BUCKET) return null;
  const missing = ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`S3_BUCKET is set, so uploaded files go to a bucket, but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not.`);
  if (!/^https?:\/\//.test(env.S3_ENDPOINT!)) throw new Error("S3_ENDPOINT must be an http(s) address, e.g. https://s3.eu-west-1.amazonaws.com.");
  return {
    endpoint: trimSlashes(env.S3_ENDPOINT!),
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || "us-east-1",
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE !== "false",
  };
}

function client(settings: S3Settings) {
  const aws = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: "s3" });
  const url = (key = "", query = "") => {
    const path = key.split("/").map(encodeURIComponent).join("/");
    const base = settings.forcePathStyle ? `${settings.endpoint}/${settings.bucket}` : settings.endpoint.replace("://", `://${settings.bucket}.`);
    return `${base}/${path}${query}`;
  };
  const send = async (method: string, target: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}) => {
    let res: Response;
    try {
      res = await aws.fetch(target, { method, body: init.body as BodyInit | undefined, headers: init.headers });
    } catch {
      throw new AppError("unavailable", "The file store (S3_ENDPOINT) could not be reached. Try again in a moment, or ask your administrator.");
    }
    if (!res.ok && !(method === "GET" && res.status === 404) && !(method === "DELETE" && res.status === 404)) {
      const detail = (await res.text()).match(/<Code>([^<]+)<\/Code>/)?.[1] ?? res.statusText;
      throw new AppError("unavailable", `The file store answered ${res.status} (${detail}) to ${method}. Ask your administrator to check the S3 settings.`);
    }
    return res;
  };
  return { url, send };
}

/** The columns that hold a new file's bytes: the bytes themselves, or the key of the object just written. */
export async function storeBytes({ sha256, mediaType, bytes }: { sha256: string; mediaType: string; bytes: Uint8Array }) {
  const settings = s3Settings();
  if (!settings) return { bytes: Buffer.from(bytes), storageKey: null };
  const key = `${PREFIX}${sha256}`;
  const s3 = client(settings);
  await s3.send("PUT", s3.url(key), { body: bytes, headers: { "Content-Type": mediaType, "x-amz-content-sha256": sha256 } });
  return { bytes: null, storageKey: key };
}

/**
 * A stored file's bytes, from its row or its bucket; the sha256 is checked
 * again for a bucket's object, which lives outside the database's care.
 */
export async function loadBytes(row: { bytes: Uint8Array | null; storageKey: string | null; sha256: string }): Promise<Uint8Array> {
  if (row.bytes) return new Uint8Array(row.bytes);
  const settings = s3Settings();
  if (!row.storageKey || !settings) throw new AppError("unavailable", "This file is kept in a file store that this server is not set up to reach (S3_BUCKET).");
  const s3 = client(settings);
  const res = await s3.send("GET", s3.url(row.storageKey));
  if (res.status === 404) throw new AppError("unavailable", "This file is missing from the file store.");
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (createHash("sha256").update(bytes).digest("hex") !== row.sha256) throw new AppError("unavailable", "This file in the file store is not the one that was uploaded (its content hash differs).");
  return bytes;
}

/**
 * Deletes the bucket's objects that no file row names any more (a deleted
 * reading's files, once no other reading has the same bytes; an upload that
 * failed after its object was written), leaving the last hour's. Runs at start-up and every hour;
 * answers how many it deleted.
 */
export async function sweepStoredObjects(now = Date.now(), graceMs = SWEEP_GRACE_MS): Promise<number> {
  const settings = s3Settings();
  if (!settings) return 0;
  const s3 = client(settings);
  const objects: { key: string; modified: number }[] = [];
  for (let token: string | undefined; ; ) {
    const query = `?list-type=2&prefix=${encodeURIComponent(PREFIX)}${token ? `&continuation-token=${encodeURIComponent(token)}` : ""}`;
    const xml = await (await s3.send("GET", s3.url("", query))).text();
    for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
      const key = decodeXml(m[1].match(/<Key>([^<]*)<\/Key>/)?.[1] ?? "");
      const modified = Date.parse(m[1].match(/<LastModified>([^<]*)<\/LastModified>/)?.[1] ?? "");
      if (key) objects.push({ key, modified: Number.isNaN(modified) ? now : modified });
    }
    token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? decodeXml(xml.match(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/)?.[1] ?? "") : undefined;
    if (!token) break;
  }
  const old = objects.filter((o) => now - o.modified >= graceMs).map((o) => o.key);
  if (old.length === 0) return 0;
  const named = new Set((await db.sourceFile.findMany({ where: { storageKey: { in: old } }, select: { storageKey: true } })).map((r) => r.storageKey));
  const orphans = old.filter((key) => !named.has(key));
  for (const key of orphans) await s3.send("DELETE", s3.url(key));
  return orphans.length;
}

function trimSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end--;
  return url.slice(0, end);
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
