import "server-only";
import { AppError } from "@/lib/errors";
import type { UploadedFile } from "./add-source-reading";

/** The `file` field of a multipart upload, as bytes and a name. */
export async function readUploadedFile(form: FormData | undefined): Promise<UploadedFile> {
  const file = form?.get("file");
  if (!file || typeof file === "string") throw new AppError("invalid", "Choose a file to upload.");
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
