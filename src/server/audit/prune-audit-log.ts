import type { PrismaClient } from "@/generated/prisma/client";
import type { AppConfig } from "@/server/config";

/** Entries removed per statement: each holds the chain head's lock, so new entries wait for one batch at most. */
const PRUNE_BATCH = 5000;

export type AuditLogPruning = {
  /** Entries created before this were due for removal. */
  cutoff: Date;
  removed: number;
  /** The chain's new starting point (0 when nothing was ever removed). */
  prunedThroughSequence: bigint;
};

/** The instant AUDIT_RETENTION_MONTHS calendar months before `now`. */
export function auditRetentionCutoff(months: AppConfig["AUDIT_RETENTION_MONTHS"], now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Retention of the audit log (decision 0045): removes the entries created
 * before `cutoff` (auditRetentionCutoff) through the database's `audit_entry_prune`, the only
 * DELETE its append-only trigger lets through, which first records the last
 * removed entry's sequence and hash in the chain head so that `audit:verify`
 * checks what remains from there. Entries are chained in time order (the
 * trigger stamps them under the head's lock), so "older than the cutoff" is
 * a prefix of the chain. Takes the client: the worker's maintenance sweep runs it.
 */
export async function pruneAuditLog(db: PrismaClient, cutoff: Date): Promise<AuditLogPruning> {
  const [newestExpired, head] = await Promise.all([
    db.auditEntry.findFirst({ where: { createdAt: { lt: cutoff } }, orderBy: { createdAt: "desc" }, select: { sequence: true } }),
    db.auditChainHead.findUnique({ where: { id: 1 }, select: { prunedThroughSequence: true } }),
  ]);
  let pruned = head?.prunedThroughSequence ?? 0n;
  let removed = 0;
  const target = newestExpired?.sequence ?? 0n;
  while (pruned < target) {
    const through = pruned + BigInt(PRUNE_BATCH) < target ? pruned + BigInt(PRUNE_BATCH) : target;
    const [row] = await db.$queryRaw<{ removed: bigint }[]>`SELECT audit_entry_prune(${through}::bigint) AS removed`;
    removed += Number(row?.removed ?? 0n);
    pruned = through;
  }
  return { cutoff, removed, prunedThroughSequence: pruned };
}
