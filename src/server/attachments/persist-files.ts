import "server-only";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ZipArchive } from "archiver";
import type { Prisma } from "@/generated/prisma/client";
import { DigestingStream } from "./digesting-stream";
import { fileExtension } from "./file-names";
import { getFileStorage } from "./file-storage";
import { newStorageKey } from "./storage-keys";
import { createStagingFolder } from "./staging-folders";
import type { StagedFile } from "./receive-upload";

/**
 * Puts a message's staged files into storage, each under a fresh key, plus
 * ONE compressed zip of all of them (the bundle the office downloads).
 *
 * Files first, then the database — callers follow this order:
 *
 *   const persisted = await persistFiles(upload.files);
 *   try {
 *     await prisma.$transaction(async (tx) => {
 *       await tx.message.create({ data: { requestId, body, ...messageFilesData(persisted) } });
 *       // …the rest of the request's writes
 *     });
 *   } catch (error) {
 *     await persisted.discard();
 *     throw error;
 *   }
 *
 * A failed write throws before any row exists, having removed what it had
 * already stored; a failed transaction leaves no file once `discard()` ran.
 * So a row never points at a missing file, and no file outlives a failure.
 * The staged files stay the upload's: the caller still calls `upload.discard()`.
 */

type PersistedAttachment = {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
};

export type PersistedFiles = {
  attachments: PersistedAttachment[];
  /** null when the message has no files. */
  bundle: { key: string; size: number; sha256: string } | null;
  /** Removes everything this call stored; for a transaction that failed. */
  discard(): Promise<void>;
};

/** Zip entry names must differ (case-insensitively, for Windows): "a.pdf", "a (2).pdf"… */
export function uniqueEntryNames(fileNames: string[]): string[] {
  const taken = new Set<string>();
  return fileNames.map((fileName) => {
    const extensionLength = fileExtension(fileName).length;
    const stem = extensionLength ? fileName.slice(0, -(extensionLength + 1)) : fileName;
    const extension = extensionLength ? fileName.slice(-extensionLength) : "";
    let candidate = fileName;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      candidate = extension ? `${stem} (${n}).${extension}` : `${stem} (${n})`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Writes the zip to `zipPath`, hashing and counting its bytes on the way out. */
async function writeBundle(files: StagedFile[], zipPath: string): Promise<{ size: number; sha256: string }> {
  // One stat at a time keeps the entries in the message's order.
  const archive = new ZipArchive({ zlib: { level: 9 }, statConcurrency: 1 });
  const digest = new DigestingStream();
  const names = uniqueEntryNames(files.map((file) => file.fileName));
  files.forEach((file, index) => archive.file(file.tempPath, { name: names[index] ?? file.fileName }));
  await Promise.all([pipeline(archive, digest, createWriteStream(zipPath, { flags: "wx" })), archive.finalize()]);
  return { size: digest.size, sha256: digest.sha256() };
}

/**
 * Puts each staged file in storage under a new attachment key, in order; if
 * one fails, those already put (and the partial one) are removed.
 */
export async function storeStagedFiles(files: StagedFile[]): Promise<{ file: StagedFile; storageKey: string }[]> {
  const storage = getFileStorage();
  const placed: { file: StagedFile; storageKey: string }[] = [];
  try {
    for (const file of files) {
      const storageKey = newStorageKey("attachments");
      placed.push({ file, storageKey });
      await storage.put(storageKey, file.tempPath);
    }
    return placed;
  } catch (error) {
    await Promise.all(placed.map(({ storageKey }) => storage.remove(storageKey)));
    throw error;
  }
}

export async function persistFiles(files: StagedFile[]): Promise<PersistedFiles> {
  const storage = getFileStorage();
  const stored: string[] = [];
  const discard = async () => {
    await Promise.all(stored.map((key) => storage.remove(key)));
  };
  if (files.length === 0) return { attachments: [], bundle: null, discard };

  const workDirectory = await createStagingFolder("bundle");
  try {
    const placed = await storeStagedFiles(files);
    stored.push(...placed.map(({ storageKey }) => storageKey));
    const attachments: PersistedAttachment[] = placed.map(({ file: { fileName, mimeType, size, sha256 }, storageKey }) => ({
      fileName,
      mimeType,
      size,
      sha256,
      storageKey,
    }));
    const zipPath = path.join(workDirectory, "bundle.zip");
    const { size, sha256 } = await writeBundle(files, zipPath);
    const key = newStorageKey("bundles");
    stored.push(key);
    await storage.put(key, zipPath);
    return { attachments, bundle: { key, size, sha256 }, discard };
  } catch (error) {
    await discard();
    throw error;
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
}

/** The file columns and attachment rows of a Message, for its create data. */
type MessageFilesData = {
  bundleKey: string | null;
  bundleSize: number | null;
  bundleSha256: string | null;
  attachments: { create: Prisma.AttachmentCreateWithoutMessageInput[] };
};

export function messageFilesData(persisted: PersistedFiles): MessageFilesData {
  return {
    bundleKey: persisted.bundle?.key ?? null,
    bundleSize: persisted.bundle?.size ?? null,
    bundleSha256: persisted.bundle?.sha256 ?? null,
    attachments: { create: persisted.attachments },
  };
}
