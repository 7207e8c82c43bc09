/** The part of s3rver 3.7 that tests/support/s3-server.ts uses (the package ships no types). */
declare module "s3rver" {
  import type { AddressInfo } from "node:net";
  export default class S3rver {
    constructor(options: { port?: number; address?: string; silent?: boolean; directory: string; configureBuckets?: { name: string; configs: string[] }[] });
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
