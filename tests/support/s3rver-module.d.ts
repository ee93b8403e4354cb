// The part of npm `s3rver` (which ships no types) that tests/support/s3-server.ts uses.
declare module "s3rver" {
  import type { AddressInfo } from "node:net";

  /** What s3rver's store is given to write: the object's bucket and key (and its body and metadata). */
  export type StoredObject = { bucket: string; key: string };

  /** s3rver's file-system store: one file per object, `<bucket>/<key>._S3rver_object`. */
  export type FilesystemStore = {
    putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
    getResourcePath(bucket: string, key: string, resource: "object"): string;
  };

  export default class S3rver {
    constructor(options: { address: string; port: number; directory: string; silent: boolean });
    /** The store every request handler writes through (`ctx.store`). */
    store: FilesystemStore;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
