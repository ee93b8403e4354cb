import { createHash } from "node:crypto";

/** The previous hash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** What an entry's hash covers, as stored. */
export type ChainedEntry = {
  id: string;
  sequence: bigint;
  createdAt: Date;
  actorOperatorId: string;
  actorCodiceFiscale: string;
  actorRole: string;
  actorOfficeId: string;
  action: string;
  targetType: string;
  targetId: string;
  codiceFiscale: string | null;
  page: string;
  granted: boolean;
  before: string | null;
  after: string | null;
  previousHash: string;
};

/**
 * SHA-256 (hex) of an entry's canonical serialization: a JSON array of its
 * fields as text, in a fixed order, written as PostgreSQL's
 * `json_build_array(...)::text` writes it (", " between elements). The
 * database's trigger (migration 20261205220651_audit_log) computes the same;
 * this copy lets `audit:verify` check the chain without trusting the
 * database's function (decision 0032). An administrative change appends
 * its values before and after; an entry without them is serialized as
 * before they existed, so older hashes stay valid (decision 0042).
 */
export function entryHash(entry: ChainedEntry): string {
  const fields = [
    entry.previousHash,
    entry.sequence.toString(),
    entry.id,
    entry.createdAt.toISOString(),
    entry.actorOperatorId,
    entry.actorCodiceFiscale,
    entry.actorRole,
    entry.actorOfficeId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.codiceFiscale,
    entry.page,
    String(entry.granted),
    ...(entry.before === null && entry.after === null ? [] : [entry.before, entry.after]),
  ];
  const canonical = `[${fields.map((field) => JSON.stringify(field)).join(", ")}]`;
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
