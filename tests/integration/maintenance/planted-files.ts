import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { newStorageKey } from "@/server/attachments/storage-keys";
import { ageFile, type TemporaryStorage } from "../../support/request-files";

/** Files written straight into the storage and staging folders, with the age a test needs. */

export const MINUTE = 60_000;

/** A file stored under a new key of `kind`, `minutes` old; its key. */
export async function plantStoredFile(
  storage: TemporaryStorage,
  kind: "attachments" | "bundles",
  minutes: number,
  now: Date,
): Promise<string> {
  const key = newStorageKey(kind);
  await storage.write(key, `contenuto di ${key}`);
  await storage.age(key, minutes, now);
  return key;
}

/** What an interrupted put on disk leaves: a dot-named partial file, `minutes` old; its path relative to the storage root. */
export async function plantPartialFile(filesRoot: string, minutes: number, now: Date): Promise<string> {
  const relative = `attachments/.${randomUUID()}.partial`;
  const target = path.join(filesRoot, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, "metà file");
  await ageFile(target, minutes, now);
  return relative;
}

/**
 * A staging folder named `name` holding one file: the folder last changed
 * `folderMinutes` ago, the file `fileMinutes` ago (a slow upload still writing).
 */
export async function plantStagingFolder(
  stagingRoot: string,
  name: string,
  ages: { folderMinutes: number; fileMinutes: number },
  now: Date,
): Promise<void> {
  const folder = path.join(stagingRoot, name);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, randomUUID());
  await writeFile(file, "in arrivo");
  await ageFile(file, ages.fileMinutes, now);
  await ageFile(folder, ages.folderMinutes, now);
}
