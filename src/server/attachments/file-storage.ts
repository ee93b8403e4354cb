// No "server-only" here: the worker process (plain Node) sweeps the storage too.
import { randomUUID } from "node:crypto";
import { constants, type Dirent } from "node:fs";
import { copyFile, mkdir, open, opendir, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { getConfig, type AppConfig } from "@/server/config";
import { s3FileStorageFor, type S3StorageConfig } from "./s3-file-storage";
import { invalidStorageKey, isStorageKey } from "./storage-keys";

/**
 * Where the bytes of attachments and bundles live: the local disk
 * (`LocalFileStorage`, the quick start's) or an S3-compatible bucket shared by
 * every instance (`S3FileStorage`, decision 0024), chosen by STORAGE.
 * Keys come from `newStorageKey`, never from what a user typed or uploaded.
 */
export interface FileStorage {
  /** Stores a copy of the file at `sourcePath` under `key`: all of it or nothing. The source stays. */
  put(key: string, sourcePath: string): Promise<void>;
  /** The content stored under `key`; rejects if there is none. */
  open(key: string): Promise<Readable>;
  /**
   * Deletes what is stored under `key`; a key with nothing stored is not an
   * error. True when this call deleted it (false: it was already gone).
   */
  remove(key: string): Promise<boolean>;
  /**
   * The keys of the files stored before `cutoff`, in batches of at most
   * `batchSize`, read from the storage as the batches are consumed (never all at once).
   */
  keysStoredBefore(cutoff: Date, batchSize: number): AsyncIterable<string[]>;
  /** Deletes what `put`s cut short by a crash left behind before `cutoff`; how many. */
  removeUnfinishedBefore(cutoff: Date): Promise<number>;
  /** Rejects when nothing could be stored now (readiness: `/api/health/ready`). */
  checkWritable(): Promise<void>;
}

/** The name `put` copies to before renaming into place. */
const PARTIAL_PATTERN = /^\.[0-9a-f-]{36}\.partial$/;

export type FileStorageConfig = Pick<AppConfig, "DATA_DIR" | "STORAGE"> & S3StorageConfig;

type StoredEntry = { kind: "key" | "partial"; key: string; filePath: string };

/** Files under one root folder, written to a temporary name, flushed, then renamed into place. */
export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    const resolved = path.resolve(this.root, key);
    if (!isStorageKey(key) || !resolved.startsWith(this.root + path.sep)) throw invalidStorageKey(key);
    return resolved;
  }

  async put(key: string, sourcePath: string): Promise<void> {
    const target = this.pathOf(key);
    const folder = path.dirname(target);
    await mkdir(folder, { recursive: true });
    const partial = path.join(folder, `.${randomUUID()}.partial`);
    try {
      await copyFile(sourcePath, partial, constants.COPYFILE_EXCL);
      await flush(partial, "r+");
      // rename is atomic: a crash leaves at most a dot-named partial file, never a half file under the key.
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    await flush(folder, "r").catch(() => undefined);
  }

  async open(key: string): Promise<Readable> {
    // Opening first turns a missing file into a rejection here rather than a stream error mid-response.
    const handle = await open(this.pathOf(key), "r");
    return handle.createReadStream();
  }

  async remove(key: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(key));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }

  async *keysStoredBefore(cutoff: Date, batchSize: number): AsyncGenerator<string[]> {
    let batch: string[] = [];
    for await (const entry of this.entriesBefore(cutoff)) {
      if (entry.kind !== "key") continue;
      batch.push(entry.key);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  async removeUnfinishedBefore(cutoff: Date): Promise<number> {
    let removed = 0;
    for await (const entry of this.entriesBefore(cutoff)) {
      if (entry.kind !== "partial") continue;
      await rm(entry.filePath, { force: true });
      removed += 1;
    }
    return removed;
  }

  /**
   * Every file under the root last written before `cutoff` (put copies, so a
   * stored file's time is when it was stored): keys, and the partial files
   * of interrupted puts. Folders are read entry by entry (opendir), so a
   * folder of millions of files is never held in memory; anything else is skipped.
   */
  private async *entriesBefore(cutoff: Date, folder = this.root): AsyncGenerator<StoredEntry> {
    let directory;
    try {
      directory = await opendir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for await (const dirent of directory) {
      const filePath = path.join(folder, dirent.name);
      if (dirent.isDirectory()) {
        yield* this.entriesBefore(cutoff, filePath);
        continue;
      }
      const entry = this.entryOf(dirent, filePath);
      if (!entry) continue;
      // Gone since the folder was read: a concurrent remove.
      const stats = await stat(filePath).catch(() => null);
      if (stats && stats.mtimeMs < cutoff.getTime()) yield entry;
    }
  }

  private entryOf(dirent: Dirent, filePath: string): StoredEntry | null {
    if (!dirent.isFile()) return null;
    const key = path.relative(this.root, filePath).split(path.sep).join("/");
    if (PARTIAL_PATTERN.test(dirent.name)) return { kind: "partial", key, filePath };
    return isStorageKey(key) ? { kind: "key", key, filePath } : null;
  }

  async checkWritable(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    // Dot-named, so never a key.
    const probe = path.join(this.root, `.${randomUUID()}.probe`);
    try {
      await writeFile(probe, "ok", { flag: "wx" });
    } finally {
      await rm(probe, { force: true });
    }
  }
}

/** fsync, so that a completed put survives a power cut (on folders: best effort, not every OS allows it). */
async function flush(target: string, flags: "r" | "r+"): Promise<void> {
  const handle = await open(target, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The storage of this configuration: `<DATA_DIR>/files/`, or the bucket with STORAGE=s3. */
export function fileStorageFor(config: FileStorageConfig): FileStorage {
  return config.STORAGE === "s3" ? s3FileStorageFor(config) : new LocalFileStorage(path.join(config.DATA_DIR, "files"));
}

/** The portal's storage, as the process's configuration places it. */
export function getFileStorage(): FileStorage {
  return fileStorageFor(getConfig());
}
