-- AlterTable
ALTER TABLE "AuditChainHead" ADD COLUMN     "prunedThroughHash" CHAR(64) NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
ADD COLUMN     "prunedThroughSequence" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Operator" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- Retention (decision 0045). The log stays append-only: the only DELETE the
-- trigger lets through is the one audit_entry_prune runs, inside its own
-- call (a transaction-local setting it sets and clears), and only of rows up
-- to the pruned-through point it recorded first in the chain head, in the
-- same transaction. audit:verify starts from that point and its hash, so it
-- still detects a row altered or removed among those that remain.
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('audit.pruning', true) = 'on'
     AND OLD."sequence" <= (SELECT "prunedThroughSequence" FROM "AuditChainHead" WHERE id = 1) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEntry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Removes the entries up to sequence `through` (inclusive) and records it,
-- with that entry's hash, as the chain's new starting point. Holds the chain
-- head's lock to the end of the caller's transaction: new entries wait for
-- one batch, so the caller prunes in batches. Returns the rows removed.
CREATE FUNCTION audit_entry_prune(through BIGINT) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  through_hash TEXT;
  removed BIGINT;
BEGIN
  PERFORM 1 FROM "AuditChainHead" WHERE id = 1 AND "prunedThroughSequence" < through FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  SELECT "hash" INTO through_hash FROM "AuditEntry" WHERE "sequence" = through;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'AuditEntry % does not exist: nothing pruned', through;
  END IF;
  UPDATE "AuditChainHead" SET "prunedThroughSequence" = through, "prunedThroughHash" = through_hash WHERE id = 1;
  PERFORM set_config('audit.pruning', 'on', true);
  DELETE FROM "AuditEntry" WHERE "sequence" <= through;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('audit.pruning', 'off', true);
  RETURN removed;
END;
$$;
