import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, paginateListObjectsV2, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import type { StagedFile } from "@/server/attachments/receive-upload";
import { createBucket, s3rverObjectPath, s3StorageEnv, testS3Client } from "./s3-server";

/**
 * Files for the services' tests: staged the way receiveUpload leaves them,
 * and a private file storage — a folder (DATA_DIR) or a bucket of the run's
 * S3-compatible server — whose content the test reads and writes directly.
 */

export type StorageBackend = "disk" | "s3";
/** Both storages, for `describe.each`: the storage tests run on each. */
export const STORAGE_BACKENDS: StorageBackend[] = ["disk", "s3"];

const PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

export type TemporaryStorage = {
  backend: StorageBackend;
  /** The test file's own folder: DATA_DIR is `data` inside it, TMPDIR `tmp`. */
  root: string;
  /** Where the disk storage keeps its files (keys are paths below it). */
  filesRoot: string;
  /** `DATA_DIR/staging`: where uploads are staged while they arrive (on local disk with either storage). */
  stagingRoot: string;
  /** The keys of the stored files (on disk, every file below the root), sorted. */
  storedKeys(): Promise<string[]>;
  /** What is stored under `key`, read without the portal's storage code. */
  read(key: string): Promise<Buffer>;
  /** Stores `content` under `key` without the portal's storage code. */
  write(key: string, content: string): Promise<void>;
  /** Makes what is stored under `key` look stored `minutes` before `now`. */
  age(key: string, minutes: number, now: Date): Promise<void>;
  /** Points DATA_DIR, TMPDIR and the storage settings back and removes the folder. */
  dispose(): Promise<void>;
};

/** Every regular file under `root`, as paths relative to it, sorted. */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Sets each variable of `values`; the returned function puts back what was there. */
function setEnvironment(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    // A variable that was unset must be unset again, not the string "undefined".
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

type StoredFiles = Pick<TemporaryStorage, "storedKeys" | "read" | "write" | "age">;

function diskFiles(filesRoot: string): StoredFiles {
  return {
    storedKeys: () => filesUnder(filesRoot),
    read: (key) => readFile(path.join(filesRoot, key)),
    async write(key, content) {
      await mkdir(path.dirname(path.join(filesRoot, key)), { recursive: true });
      await writeFile(path.join(filesRoot, key), content);
    },
    age: (key, minutes, now) => ageFile(path.join(filesRoot, key), minutes, now),
  };
}

function bucketFiles(client: S3Client, bucket: string): StoredFiles {
  return {
    async storedKeys() {
      const keys: string[] = [];
      for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket })) {
        keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ""));
      }
      return keys.sort();
    },
    async read(key) {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from((await Body?.transformToByteArray()) ?? []);
    },
    async write(key, content) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: content }));
    },
    // s3rver gives an object its file's modification time as LastModified.
    age: (key, minutes, now) => ageFile(s3rverObjectPath(inject("s3Directory"), bucket, key), minutes, now),
  };
}

/** Sets the modification time of `target` to `minutes` before `now`. */
export async function ageFile(target: string, minutes: number, now: Date): Promise<void> {
  const time = new Date(now.getTime() - minutes * 60_000);
  await utimes(target, time, time);
}

/**
 * Points the file storage (DATA_DIR, or a new bucket of the run's S3 server)
 * and the temporary files (TMPDIR) of this test file at places of its own, so
 * that everything it writes can be listed and is removed at the end. Call it
 * in `beforeAll`, dispose in `afterAll`.
 */
export async function useTemporaryStorage(backend: StorageBackend = "disk"): Promise<TemporaryStorage> {
  const root = await mkdtemp(path.join(tmpdir(), "cb-test-files-"));
  const filesRoot = path.join(root, "data", "files");
  const stagingRoot = path.join(root, "data", "staging");
  const environment: Record<string, string> = { DATA_DIR: path.join(root, "data"), TMPDIR: path.join(root, "tmp"), STORAGE: "disk" };
  let files = diskFiles(filesRoot);
  let client: S3Client | undefined;
  if (backend === "s3") {
    const endpoint = inject("s3Endpoint");
    const bucket = `cb-test-${randomBytes(6).toString("hex")}`;
    await createBucket(endpoint, bucket);
    Object.assign(environment, s3StorageEnv(endpoint, bucket));
    client = testS3Client(endpoint);
    files = bucketFiles(client, bucket);
  }
  const restore = setEnvironment(environment);
  await mkdir(stagingRoot, { recursive: true });
  await mkdir(environment.TMPDIR!, { recursive: true });
  return {
    backend,
    root,
    filesRoot,
    stagingRoot,
    ...files,
    async dispose() {
      restore();
      client?.destroy();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** `content` staged in its own temporary folder, as receiveUpload leaves an accepted file. */
export async function stageFile(content: Uint8Array, fileName: string, mimeType: string): Promise<StagedFile> {
  const folder = await mkdtemp(path.join(tmpdir(), "cb-staged-"));
  const tempPath = path.join(folder, randomUUID());
  await writeFile(tempPath, content);
  return {
    fileName,
    mimeType,
    size: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
    tempPath,
  };
}

/** A PDF of about `size` bytes, staged in its own temporary folder. */
export async function stagePdf(fileName = "documento.pdf", size = 200): Promise<StagedFile> {
  const content = Buffer.concat([Buffer.from(PDF, "latin1"), Buffer.alloc(Math.max(0, size - PDF.length), 0x20)]);
  return stageFile(content, fileName, "application/pdf");
}

/**
 * Registers this test file's own storage (`useTemporaryStorage`): made before
 * its tests, removed after them. With `nothingLeftStaged`, every test must
 * also leave no upload behind in the temporary folder. The returned storage
 * reads the current one, so it is usable inside the tests.
 */
export function temporaryStorageForFile(options: { nothingLeftStaged?: boolean; backend?: StorageBackend } = {}): TemporaryStorage {
  let current: TemporaryStorage | undefined;
  const storage = () => {
    if (!current) throw new Error("La memoria dei file di prova esiste solo durante i test del file.");
    return current;
  };
  beforeAll(async () => {
    current = await useTemporaryStorage(options.backend);
  });
  afterAll(async () => {
    await current?.dispose();
  });
  if (options.nothingLeftStaged) {
    afterEach(async () => {
      expect(await readdir(storage().stagingRoot)).toEqual([]);
    });
  }
  return {
    get backend() {
      return storage().backend;
    },
    get root() {
      return storage().root;
    },
    get filesRoot() {
      return storage().filesRoot;
    },
    get stagingRoot() {
      return storage().stagingRoot;
    },
    storedKeys: () => storage().storedKeys(),
    read: (key) => storage().read(key),
    write: (key, content) => storage().write(key, content),
    age: (key, minutes, now) => storage().age(key, minutes, now),
    dispose: () => storage().dispose(),
  };
}
