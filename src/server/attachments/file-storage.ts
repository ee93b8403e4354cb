import "server-only";
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { getConfig } from "@/server/config";

/**
 * Where the bytes of attachments and bundles live. Local disk today; an
 * S3-compatible store (MinIO) later, behind the same three operations.
 * Keys come from `newStorageKey`, never from what a user typed or uploaded.
 */
export interface FileStorage {
  /** Stores a copy of the file at `sourcePath` under `key`: all of it or nothing. The source stays. */
  put(key: string, sourcePath: string): Promise<void>;
  /** The content stored under `key`; rejects if there is none. */
  open(key: string): Promise<Readable>;
  /** Deletes what is stored under `key`; a key with nothing stored is not an error. */
  remove(key: string): Promise<void>;
  /** Rejects when nothing could be stored now (readiness: `/api/health/ready`). */
  checkWritable(): Promise<void>;
}

type StorageKeyKind = "attachments" | "bundles";

/** A fresh random key, e.g. `attachments/0f6c…`. */
export function newStorageKey(kind: StorageKeyKind): string {
  return `${kind}/${randomUUID()}`;
}

// Segments start with a letter or digit, so "." and ".." (and the dot-named
// temporary files below) can never be keys.
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

/** Files under one root folder, written to a temporary name, flushed, then renamed into place. */
export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    const resolved = path.resolve(this.root, key);
    if (!KEY_PATTERN.test(key) || !resolved.startsWith(this.root + path.sep)) {
      throw new Error(`Chiave di archiviazione non valida: ${JSON.stringify(key)}`);
    }
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

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
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

/** The portal's storage: `<DATA_DIR>/files/`. */
export function getFileStorage(): FileStorage {
  return new LocalFileStorage(path.join(getConfig().DATA_DIR, "files"));
}
