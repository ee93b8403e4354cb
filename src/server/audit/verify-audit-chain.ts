import type { PrismaClient } from "@/generated/prisma/client";
import { entryHash, GENESIS_HASH } from "./entry-hash";

export type ChainVerdict =
  /** `count`: the entries checked, those after the pruned-through point. */
  | { ok: true; count: number }
  /** The first entry (by sequence) found wrong, with why in Italian and in English. */
  | { ok: false; sequence: bigint; reason: { it: string; en: string } };

const BATCH = 1000;

/**
 * Walks the access log in sequence order and recomputes every link and hash
 * (entry-hash.ts, independently of the database's trigger): the first entry
 * out of place, relinked or altered is reported; so is a tail cut off, by
 * the chain head that still names the last entry written (decision 0032).
 * After retention removed the oldest entries, the walk starts after the
 * pruned-through point the head records, from that entry's hash (decision
 * 0045). Takes the client: `npm run audit:verify` runs outside the app.
 */
export async function verifyAuditChain(db: PrismaClient): Promise<ChainVerdict> {
  const head = await db.auditChainHead.findUnique({ where: { id: 1 } });
  const pruned = head?.prunedThroughSequence ?? 0n;
  let expected = pruned + 1n;
  let previousHash = head?.prunedThroughHash ?? GENESIS_HASH;
  for (;;) {
    const batch = await db.auditEntry.findMany({
      where: { sequence: { gte: expected } },
      orderBy: { sequence: "asc" },
      take: BATCH,
    });
    for (const entry of batch) {
      if (entry.sequence !== expected) {
        return {
          ok: false,
          sequence: expected,
          reason: { it: `la riga ${expected} manca`, en: `row ${expected} is missing` },
        };
      }
      if (entry.previousHash !== previousHash) {
        return {
          ok: false,
          sequence: entry.sequence,
          reason: {
            it: `la riga ${entry.sequence} non è collegata alla precedente`,
            en: `row ${entry.sequence} does not link to the previous one`,
          },
        };
      }
      if (entryHash(entry) !== entry.hash) {
        return {
          ok: false,
          sequence: entry.sequence,
          reason: {
            it: `il contenuto della riga ${entry.sequence} non corrisponde alla sua impronta`,
            en: `the content of row ${entry.sequence} does not match its hash`,
          },
        };
      }
      previousHash = entry.hash;
      expected += 1n;
    }
    if (batch.length < BATCH) break;
  }
  const last = expected - 1n;
  const headSequence = head?.lastSequence ?? 0n;
  if (headSequence !== last || (head && head.lastHash !== previousHash)) {
    return {
      ok: false,
      sequence: expected,
      reason: {
        it: `il registro si ferma alla riga ${last} ma l'ultima scritta è la ${headSequence}`,
        en: `the log stops at row ${last} but the last one written is ${headSequence}`,
      },
    };
  }
  return { ok: true, count: Number(last - pruned) };
}
