import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, opendir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { getConfig, type AppConfig } from "@/server/config";

/**
 * Staging: where files wait between the request that brings them and
 * storage — uploads as they arrive, bundles being zipped, draft files brought
 * back. Each use gets its own folder under `<DATA_DIR>/staging/`, on the same
 * filesystem as the storage, and deletes it when done; what a killed process
 * leaves behind is removed by the maintenance sweep (`sweepStagingFolders`).
 */

export type StagingPurpose = "upload" | "bundle" | "draft";

/** `<DATA_DIR>/staging`, absolute. */
export function stagingRootFor(config: Pick<AppConfig, "DATA_DIR">): string {
  return path.resolve(config.DATA_DIR, "staging");
}

/** A new, empty folder of its own under the staging root, e.g. `…/staging/upload-Xa81Qz`. */
export async function createStagingFolder(purpose: StagingPurpose): Promise<string> {
  const root = stagingRootFor(getConfig());
  await mkdir(root, { recursive: true });
  return mkdtemp(path.join(root, `${purpose}-`));
}

/**
 * When something last happened in a staging entry: the latest write to the
 * folder or to any file in it (a slow upload keeps its folder young).
 * null when it is already gone.
 */
async function lastActivity(entryPath: string): Promise<number | null> {
  const stats = await stat(entryPath).catch(() => null);
  if (!stats) return null;
  let latest = stats.mtimeMs;
  if (stats.isDirectory()) {
    const folder = await opendir(entryPath).catch(() => null);
    for await (const dirent of folder ?? []) {
      const inner = await stat(path.join(entryPath, dirent.name)).catch(() => null);
      if (inner) latest = Math.max(latest, inner.mtimeMs);
    }
  }
  return latest;
}

/**
 * Claims an entry for deletion by renaming it, which only one of several
 * sweepers can do; false when another got there first. A sweeper that dies
 * while deleting leaves the claimed entry, old, for the next sweep.
 */
async function claim(root: string, name: string): Promise<string | null> {
  const claimed = path.join(root, `.swept-${randomUUID()}`);
  try {
    await rename(path.join(root, name), claimed);
    return claimed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Deletes the entries of the staging root with no activity since `cutoff`:
 * what uploads and submissions cut short by a crash left behind. Returns the
 * names of those this call deleted (each entry is deleted by one sweeper only).
 */
export async function sweepStagingFolders(root: string, cutoff: Date): Promise<string[]> {
  const folder = await opendir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  const removed: string[] = [];
  for await (const dirent of folder ?? []) {
    const entryPath = path.join(root, dirent.name);
    const latest = await lastActivity(entryPath);
    if (latest === null || latest >= cutoff.getTime()) continue;
    const claimed = await claim(root, dirent.name);
    if (!claimed) continue;
    await rm(claimed, { recursive: true, force: true });
    removed.push(dirent.name);
  }
  return removed;
}
