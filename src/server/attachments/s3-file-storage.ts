// No "server-only" here: the worker process (plain Node) sweeps the storage too.
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { AppConfig } from "@/server/config";
import { logger } from "@/server/logger";
import type { FileStorage } from "./file-storage";
import { invalidStorageKey, isStorageKey, STORAGE_KEY_KINDS } from "./storage-keys";

export type S3StorageConfig = Pick<
  AppConfig,
  "S3_ENDPOINT" | "S3_BUCKET" | "S3_REGION" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY" | "S3_FORCE_PATH_STYLE"
>;

/** A stream body cannot be replayed by the SDK: `put` reopens the file and tries again itself. */
const PUT_ATTEMPTS = 3;
const PUT_RETRY_DELAY_MS = 200;
/** Keys per ListObjectsV2 page (S3's maximum). */
const LIST_PAGE_SIZE = 1000;

/** What the SDK has to say goes to our log: warnings and errors only (it logs every call at info). */
const sdkLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (...content: unknown[]) => logger.warn({ sdk: content }, "Archivio S3: avviso del client"),
  error: (...content: unknown[]) => logger.error({ sdk: content }, "Archivio S3: errore del client"),
};

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NotFound" || error.name === "NoSuchKey");
}

/** Worth another try: the network, a timeout, or the server's own trouble (5xx, 429). */
function isTransient(error: unknown): boolean {
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
  return status === undefined || status >= 500 || status === 429;
}

/**
 * Files as objects of one bucket, under the same keys as on disk. A PUT is
 * atomic (the object appears whole or not at all) and streams the file with
 * its known length; a GET streams the object back. Nothing is ever held whole
 * in memory. The bucket is the portal's own: the orphan sweep lists the key
 * prefixes `newStorageKey` makes and deletes what no row refers to.
 */
export class S3FileStorage implements FileStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  private checked(key: string): string {
    if (!isStorageKey(key)) throw invalidStorageKey(key);
    return key;
  }

  async put(key: string, sourcePath: string): Promise<void> {
    const Key = this.checked(key);
    for (let attempt = 1; ; attempt++) {
      // A missing source rejects here, before any request.
      const { size } = await stat(sourcePath);
      const body = createReadStream(sourcePath);
      try {
        await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: body, ContentLength: size }));
        return;
      } catch (error) {
        if (attempt >= PUT_ATTEMPTS || !isTransient(error)) throw error;
        logger.warn({ err: error, key, attempt }, "Archivio S3: scrittura non riuscita, nuovo tentativo");
      } finally {
        body.destroy();
      }
      await delay(PUT_RETRY_DELAY_MS * 2 ** (attempt - 1));
    }
  }

  async open(key: string): Promise<Readable> {
    const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.checked(key) }));
    // In Node the body is the HTTP response itself: streamed, never buffered.
    if (!(Body instanceof Readable)) throw new Error(`Archivio S3: contenuto di ${key} non leggibile come flusso`);
    return Body;
  }

  /**
   * True when the object was there. S3 deletes are idempotent and say nothing,
   * so it asks first: two removals at the same moment may both answer true
   * (the maintenance sweep's advisory lock keeps sweepers apart).
   */
  async remove(key: string): Promise<boolean> {
    const Key = this.checked(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    return true;
  }

  /** The bucket listed page by page (ListObjectsV2), one key prefix after the other. */
  async *keysStoredBefore(cutoff: Date, batchSize: number): AsyncGenerator<string[]> {
    let batch: string[] = [];
    for (const kind of STORAGE_KEY_KINDS) {
      const pages = paginateListObjectsV2({ client: this.client, pageSize: LIST_PAGE_SIZE }, { Bucket: this.bucket, Prefix: `${kind}/` });
      for await (const page of pages) {
        for (const object of page.Contents ?? []) {
          if (!object.Key || !isStorageKey(object.Key) || !object.LastModified || object.LastModified >= cutoff) continue;
          batch.push(object.Key);
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** A single PUT leaves nothing behind when it is cut short: there is nothing to remove. */
  async removeUnfinishedBefore(): Promise<number> {
    return 0;
  }

  async checkWritable(): Promise<void> {
    // Dot-named, so never a key the sweep lists.
    const Key = `.probe/${randomUUID()}`;
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: "ok" }));
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
  }
}

/** The S3 client of a configuration, made once per process: its connections are reused. */
const clients = new Map<string, S3Client>();

function clientFor(config: S3StorageConfig): S3Client {
  const { S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE } = config;
  const id = JSON.stringify([S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE]);
  let client = clients.get(id);
  if (!client) {
    client = new S3Client({
      endpoint: S3_ENDPOINT,
      region: S3_REGION,
      forcePathStyle: S3_FORCE_PATH_STYLE,
      credentials:
        S3_ACCESS_KEY_ID && S3_SECRET_ACCESS_KEY ? { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY } : undefined,
      // Checksums only where S3 requires them: streamed PUTs then keep a plain
      // Content-Length body, which every S3-compatible server reads (decision 0024).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // Every wait bounded: connecting, and silence on an open connection.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
      logger: sdkLogger,
    });
    clients.set(id, client);
  }
  return client;
}

/** The bucket of this configuration (STORAGE=s3; parseConfig has made sure S3_BUCKET is set). */
export function s3FileStorageFor(config: S3StorageConfig): S3FileStorage {
  if (!config.S3_BUCKET) throw new Error("S3_BUCKET non impostata");
  return new S3FileStorage(clientFor(config), config.S3_BUCKET);
}
