import type { PrismaClient } from "@/generated/prisma/client";
import { entryHash, GENESIS_HASH } from "./entry-hash";

export type ChainVerdict =
  | { ok: true; count: number }
  /** The first entry (by sequence) found wrong, with why in Italian and in English. */
  | { ok: false; sequence: bigint; reason: { it: string; en: string } };

const BATCH = 1000;

/**
 * Walks the access log in sequence order and recomputes every link and hash
 * (entry-hash.ts, independently of the database's trigger): the first entry
 * out of place, relinked or altered is reported; so is a tail cut off, by
 * the chain head that still names the last entry written (decision 0032).
 * Takes the client: `npm run audit:verify` runs outside the app.
 */
export async function verifyAuditChain(db: PrismaClient): Promise<ChainVerdict> {
  let expected = 1n;
  let previousHash = GENESIS_HASH;
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
  const count = expected - 1n;
  const head = await db.auditChainHead.findUnique({ where: { id: 1 } });
  const headSequence = head?.lastSequence ?? 0n;
  if (headSequence !== count || (head && head.lastHash !== previousHash)) {
    return {
      ok: false,
      sequence: count + 1n,
      reason: {
        it: `il registro si ferma alla riga ${count} ma l'ultima scritta è la ${headSequence}`,
        en: `the log stops at row ${count} but the last one written is ${headSequence}`,
      },
    };
  }
  return { ok: true, count: Number(count) };
}
