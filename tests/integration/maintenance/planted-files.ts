import { randomUUID } from "node:crypto";
import { mkdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { newStorageKey } from "@/server/attachments/file-storage";

/** Files written straight into the storage and staging folders, with the age a test needs. */

export const MINUTE = 60_000;

/** Sets the modification time of `target` to `minutes` before `now`. */
export async function age(target: string, minutes: number, now: Date): Promise<void> {
  const time = new Date(now.getTime() - minutes * MINUTE);
  await utimes(target, time, time);
}

/** A file stored under a new key of `kind`, `minutes` old; its key. */
export async function plantStoredFile(filesRoot: string, kind: "attachments" | "bundles", minutes: number, now: Date): Promise<string> {
  const key = newStorageKey(kind);
  const target = path.join(filesRoot, key);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `contenuto di ${key}`);
  await age(target, minutes, now);
  return key;
}

/** What an interrupted put leaves: a dot-named partial file, `minutes` old; its path relative to the storage root. */
export async function plantPartialFile(filesRoot: string, minutes: number, now: Date): Promise<string> {
  const relative = `attachments/.${randomUUID()}.partial`;
  const target = path.join(filesRoot, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, "metà file");
  await age(target, minutes, now);
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
  await age(file, ages.fileMinutes, now);
  await age(folder, ages.folderMinutes, now);
}
