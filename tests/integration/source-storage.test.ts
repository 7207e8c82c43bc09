import { readFileSync } from "node:fs";
import path from "node:path";
import { AwsV4Signer } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClass } from "@/lib/server/classes/class-writes";
import { MAX_SOURCE_BYTES } from "@/lib/sources";
import { addSourceReading } from "@/lib/server/sources/add-source-reading";
import { loadBytes, s3Settings, storeBytes, sweepStoredObjects } from "@/lib/server/sources/file-store";
import { findSourceFile } from "@/lib/server/sources/find-source-file";
import { closeSourcePool } from "@/lib/server/sources/source-pool";
import { startSourceWorker, stopSourceQueue } from "@/lib/server/sources/source-queue";
import type { SourceReadingInput } from "@/lib/validation/source-reading";
import { codeOf } from "../support/error-code";
import { makeTextPdf } from "../support/source-fixtures";
import { checkSignature, startTestS3, type TestS3 } from "../support/s3-server";
import { makeUser } from "../support/world";

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures/sources", name)));
const meta: SourceReadingInput = { title: "Stored", author: "A. Lincoln", source: "Bliss copy", sourceUrl: "", retrieved: "2026-12-01", notes: "Public domain.", isShared: false, altText: "" };
const S3_VARS = ["S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"];

/*
 * AWS's own example of a signed S3 request ("Signature Calculations for the
 * Authorization Header", GET Object): its credentials, request and signature.
 */
const AWS_EXAMPLE = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  url: "https://examplebucket.s3.amazonaws.com/test.txt",
  datetime: "20130524T000000Z",
  signature: "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
};

let s3: TestS3;
let teacher: { id: string };

async function settled(essayId: string) {
  for (const until = Date.now() + 90_000; ; await new Promise((r) => setTimeout(r, 200))) {
    const job = await db.sourceJob.findFirstOrThrow({ where: { essayId }, orderBy: { createdAt: "desc" } });
    if (job.status === "done" || job.status === "failed") return job;
    if (Date.now() > until) throw new Error(`job ${job.id} still ${job.status}`);
  }
}

/** The object as the bucket holds it (through the signing client), or null when there is none. */
async function objectOf(key: string): Promise<Uint8Array | null> {
  try {
    return await loadBytes({ bytes: null, storageKey: key, sha256: key.split("/").pop()! });
  } catch (error) {
    if (/missing from the file store/.test((error as Error).message)) return null;
    throw error;
  }
}

beforeAll(async () => {
  process.env.SOURCE_QUEUE_POLL_S = "1";
  s3 = await startTestS3();
  Object.assign(process.env, { S3_ENDPOINT: s3.endpoint, S3_BUCKET: s3.bucket, S3_REGION: "us-east-1", S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey, S3_FORCE_PATH_STYLE: "true" });
  teacher = await makeUser("Storage Teacher", "teacher");
  await createClass({ viewerId: teacher.id, name: "Storage" });
  await startSourceWorker();
});

afterAll(async () => {
  for (const name of S3_VARS) delete process.env[name];
  await stopSourceQueue();
  await closeSourcePool();
  await s3?.stop();
});

describe("the signature the bucket checks (AWS Signature Version 4)", () => {
  it("aws4fetch signs AWS's published example exactly, and the test server's verifier accepts it and nothing altered", async () => {
    const signer = new AwsV4Signer({ ...AWS_EXAMPLE, method: "GET", service: "s3", region: "us-east-1", allHeaders: true,
      // As the example sends them: the range, and the hash of the empty body (aws4fetch would send UNSIGNED-PAYLOAD instead).
      headers: { Range: "bytes=0-9", "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    });
    const signed = await signer.sign();
    const authorization = signed.headers.get("Authorization")!;
    expect(authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=${AWS_EXAMPLE.signature}`,
    );
    const request = { method: "GET", url: "/test.txt", body: Buffer.alloc(0), headers: { ...Object.fromEntries(signed.headers), host: "examplebucket.s3.amazonaws.com" } };
    expect(checkSignature(request, AWS_EXAMPLE.secretAccessKey)).toBeNull();
    expect(checkSignature({ ...request, url: "/test.txu" }, AWS_EXAMPLE.secretAccessKey)).toBe("SignatureDoesNotMatch");
    expect(checkSignature({ ...request, headers: { ...request.headers, range: "bytes=0-10" } }, AWS_EXAMPLE.secretAccessKey)).toBe("SignatureDoesNotMatch");
    expect(checkSignature(request, "another secret")).toBe("SignatureDoesNotMatch");
  });
});

describe("uploaded files in an S3-compatible bucket", () => {
  it("are stored as objects named by their sha256 (no bytes in the row), read back by the job and the file route", async () => {
    const bytes = fixture("gettysburg-3-pages.pdf");
    const { essay } = await addSourceReading({ viewerId: teacher.id, input: meta, file: { name: "three.pdf", bytes } });
    const row = await db.sourceFile.findFirstOrThrow({ where: { essayId: essay.id } });
    expect(row.bytes).toBeNull();
    expect(row.storageKey).toBe(`source-files/${row.sha256}`);
    expect(await objectOf(row.storageKey!)).toEqual(bytes);
    expect(await settled(essay.id)).toMatchObject({ status: "done", revisionNumber: 1 });
    const file = await findSourceFile({ viewerId: teacher.id, fileId: row.id });
    expect(await loadBytes(file!)).toEqual(bytes);
    expect(s3.refused).toEqual([]);
  });

  it("keep their content hash: an object changed in the bucket is refused rather than served", async () => {
    const { essay } = await addSourceReading({ viewerId: teacher.id, input: { ...meta, title: "Tampered" }, file: { name: "one.pdf", bytes: fixture("gettysburg.pdf") } });
    const row = await db.sourceFile.findFirstOrThrow({ where: { essayId: essay.id } });
    await settled(essay.id);
    // Someone with the bucket's keys puts other bytes under the same name.
    const other = fixture("gettysburg-3-pages-corrected.pdf");
    const { AwsClient } = await import("aws4fetch");
    const aws = new AwsClient({ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, service: "s3", region: "us-east-1" });
    expect((await aws.fetch(`${s3.endpoint}/${s3.bucket}/${row.storageKey}`, { method: "PUT", body: other })).status).toBe(200);
    const read = loadBytes(row);
    expect(await codeOf(read)).toBe("unavailable");
    await expect(loadBytes(row)).rejects.toThrow(/content hash differs/);
  });

  it("keep the size and type limits: a refused file writes no object; a wrong secret stores nothing and says the store refused", async () => {
    const before = await db.sourceFile.count();
    const oversized = new Uint8Array(MAX_SOURCE_BYTES + 1);
    oversized.set(new TextEncoder().encode("%PDF-1.7\n"));
    expect(await codeOf(addSourceReading({ viewerId: teacher.id, input: meta, file: { name: "big.pdf", bytes: oversized } }))).toBe("too_large");
    expect(await codeOf(addSourceReading({ viewerId: teacher.id, input: meta, file: { name: "x.txt", bytes: new TextEncoder().encode("text") } }))).toBe("unsupported_media");
    process.env.S3_SECRET_ACCESS_KEY = "not the secret";
    try {
      await expect(addSourceReading({ viewerId: teacher.id, input: { ...meta, title: "Wrong key" }, file: { name: "k.pdf", bytes: fixture("gettysburg.pdf") } })).rejects.toThrow(/answered 403 \(SignatureDoesNotMatch\)/);
    } finally {
      process.env.S3_SECRET_ACCESS_KEY = s3.secretAccessKey;
    }
    expect(s3.refused).toHaveLength(1);
    expect(await db.sourceFile.count()).toBe(before);
    expect(await db.essay.count({ where: { title: "Wrong key" } })).toBe(0);
    s3.refused.length = 0;
  });

  it("go with their reading: once it is deleted, the sweep deletes its objects, keeping those another reading still names and any newer than an hour", async () => {
    // Files of their own, so no other test's rows name them.
    const shared = await makeTextPdf([[`Uploaded twice ${Date.now()}.`]]);
    const a = await addSourceReading({ viewerId: teacher.id, input: { ...meta, title: "Twice A" }, file: { name: "a.pdf", bytes: shared } });
    const b = await addSourceReading({ viewerId: teacher.id, input: { ...meta, title: "Twice B" }, file: { name: "b.pdf", bytes: shared } });
    const only = await addSourceReading({ viewerId: teacher.id, input: { ...meta, title: "Alone" }, file: { name: "c.pdf", bytes: await makeTextPdf([[`Uploaded once ${Date.now()}.`]]) } });
    await Promise.all([a, b, only].map((r) => settled(r.essay.id)));
    const keyOf = async (essayId: string) => (await db.sourceFile.findFirstOrThrow({ where: { essayId, isDerived: false } })).storageKey!;
    const [sharedKey, onlyKey] = [await keyOf(a.essay.id), await keyOf(only.essay.id)];
    await db.essay.delete({ where: { id: a.essay.id } });
    await db.essay.delete({ where: { id: only.essay.id } });
    // Within the hour an object may be an upload whose row is not committed yet: left alone.
    expect(await sweepStoredObjects()).toBe(0);
    expect(await objectOf(onlyKey)).not.toBeNull();
    const deleted = await sweepStoredObjects(Date.now() + 2 * 60 * 60 * 1000);
    expect(deleted).toBe(1);
    expect(await objectOf(onlyKey)).toBeNull();
    // Reading B still has the same bytes.
    expect(await objectOf(sharedKey)).toEqual(shared);
    expect(s3.refused).toEqual([]);
  }, 90_000);

  it("are configured all or nothing, with a sentence naming what is missing", () => {
    expect(s3Settings({} as unknown as NodeJS.ProcessEnv)).toBeNull();
    expect(() => s3Settings({ S3_BUCKET: "b", S3_ENDPOINT: "http://x" } as unknown as NodeJS.ProcessEnv)).toThrow("S3_BUCKET is set, so uploaded files go to a bucket, but S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are not.");
    expect(() => s3Settings({ S3_BUCKET: "b", S3_ENDPOINT: "x", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" } as unknown as NodeJS.ProcessEnv)).toThrow(/http\(s\) address/);
    expect(s3Settings({ S3_BUCKET: "b", S3_ENDPOINT: "https://s3.example/", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_FORCE_PATH_STYLE: "false" } as unknown as NodeJS.ProcessEnv)).toMatchObject({ endpoint: "https://s3.example", region: "us-east-1", forcePathStyle: false });
  });

  it("stay in PostgreSQL when no bucket is set (the default)", async () => {
    const saved = process.env.S3_BUCKET;
    delete process.env.S3_BUCKET;
    try {
      const stored = await storeBytes({ sha256: "x", mediaType: "application/pdf", bytes: new Uint8Array([1, 2]) });
      expect(stored).toEqual({ bytes: Buffer.from([1, 2]), storageKey: null });
    } finally {
      process.env.S3_BUCKET = saved;
    }
  });
});
