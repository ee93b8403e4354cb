import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

/**
 * An S3-compatible server in-process (npm s3rver, objects as files in a
 * temporary folder) for the tests that run the file storage on a bucket.
 */

/** The only credentials s3rver accepts. */
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type TestS3Server = {
  endpoint: string;
  /** Where s3rver keeps the buckets: `<directory>/<bucket>/<key>._S3rver_object`. */
  directory: string;
  stop(): Promise<void>;
};

/** Listens on 127.0.0.1:`port` (0: a free one). */
export async function startS3Server(port = 0): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "cb-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port, directory, silent: true });
  answerPutsOnceWritten(server);
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    directory,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The environment that puts the portal's files in `bucket` of the server at `endpoint`. */
export function s3StorageEnv(endpoint: string, bucket: string): Record<string, string> {
  return {
    STORAGE: "s3",
    S3_ENDPOINT: endpoint,
    S3_BUCKET: bucket,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
  };
}

/** A client of the server at `endpoint`, as the tests' own eyes on the bucket. */
export function testS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: CREDENTIALS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Creates `bucket` (the portal never creates buckets: docs/decisions/0024). */
export async function createBucket(endpoint: string, bucket: string): Promise<void> {
  const client = testS3Client(endpoint);
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
}

/** The file s3rver keeps `key` in; its modification time is the object's LastModified. */
export function s3rverObjectPath(directory: string, bucket: string, key: string): string {
  return path.join(directory, bucket, `${key}._S3rver_object`);
}

/**
 * Makes s3rver answer a PUT only once the object's file holds all of it. Its
 * store resolves when it has read the body, while its write to the file may
 * still be pending: a GET just after could read part of the object, and a
 * test that ages the object (its file's modification time is its
 * LastModified) would see the late write make it young again. The object is
 * whole when its MD5 is the one s3rver stored beside it before resolving.
 */
function answerPutsOnceWritten(server: S3rver): void {
  const { store } = server;
  const putObject = store.putObject.bind(store);
  store.putObject = async (object) => {
    const stored = await putObject(object);
    const objectPath = store.getResourcePath(object.bucket, object.key, "object");
    const deadline = Date.now() + 5_000;
    for (;;) {
      const [content, storedMd5] = await Promise.all([readFile(objectPath), readFile(`${objectPath}.md5`, "utf8")]);
      if (createHash("md5").update(content).digest("hex") === storedMd5) return stored;
      if (Date.now() > deadline) throw new Error(`s3rver has not finished writing ${objectPath}`);
      await sleep(10);
    }
  };
}
