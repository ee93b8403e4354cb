import type { PrismaClient } from "@/generated/prisma/client";
import type { FileStorage } from "@/server/attachments/file-storage";

export type StoredFilesSweep = {
  /** Keys of the orphan files this sweep deleted. */
  removed: string[];
  /** Partial files of interrupted writes deleted. */
  unfinished: number;
};

/** Keys checked against the database per query. */
const BATCH_SIZE = 500;

/**
 * The keys of `keys` that a row refers to: an attachment, a message's bundle
 * or a form draft's files. Drafts are read whole (their JSON has no index),
 * which is cheap: they live a day and are then purged.
 */
async function referencedKeys(prisma: PrismaClient, keys: string[]): Promise<Set<string>> {
  const rows = await prisma.$queryRaw<{ key: string }[]>`
    SELECT "storageKey" AS key FROM "Attachment" WHERE "storageKey" = ANY(${keys}::text[])
    UNION
    SELECT "bundleKey" FROM "Message" WHERE "bundleKey" = ANY(${keys}::text[])
    UNION
    SELECT file->>'storageKey' FROM "FormDraft" CROSS JOIN LATERAL jsonb_array_elements(files) AS file
    WHERE file->>'storageKey' = ANY(${keys}::text[])`;
  return new Set(rows.map((row) => row.key));
}

/**
 * Deletes the stored files no row refers to, once they are older than
 * `cutoff` (now less the grace period). Files are stored before the
 * transaction that refers to them commits (docs/decisions/0006), so a young
 * unreferenced file may belong to a submission in progress: the grace period
 * must exceed any submission's time between storing and committing. The
 * storage is listed batch by batch and each batch checked with one query, so
 * memory does not grow with the number of files.
 */
export async function sweepStoredFiles(prisma: PrismaClient, storage: FileStorage, cutoff: Date): Promise<StoredFilesSweep> {
  const removed: string[] = [];
  for await (const keys of storage.keysStoredBefore(cutoff, BATCH_SIZE)) {
    const referenced = await referencedKeys(prisma, keys);
    for (const key of keys) {
      // Another sweeper may have deleted it first: only the one that did reports it.
      if (!referenced.has(key) && (await storage.remove(key))) removed.push(key);
    }
  }
  const unfinished = await storage.removeUnfinishedBefore(cutoff);
  return { removed, unfinished };
}
