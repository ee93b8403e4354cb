-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'AMMINISTRAZIONE_CREAZIONE';
ALTER TYPE "AuditAction" ADD VALUE 'AMMINISTRAZIONE_MODIFICA';
ALTER TYPE "AuditAction" ADD VALUE 'AMMINISTRAZIONE_DISATTIVAZIONE';
ALTER TYPE "AuditAction" ADD VALUE 'AMMINISTRAZIONE_RIATTIVAZIONE';
ALTER TYPE "AuditAction" ADD VALUE 'AMMINISTRAZIONE_IMPORTAZIONE';

-- AlterEnum
ALTER TYPE "AuditTargetType" ADD VALUE 'ARGOMENTO';
ALTER TYPE "AuditTargetType" ADD VALUE 'SEDE';
ALTER TYPE "AuditTargetType" ADD VALUE 'IMPOSTAZIONI_GESTIONE';
ALTER TYPE "AuditTargetType" ADD VALUE 'OPERATORE';

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "after" TEXT,
ADD COLUMN     "before" TEXT;

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_id_idx" ON "AuditEntry"("action", "createdAt" DESC, "id" DESC);

-- The chain covers an administrative change's values too (decision 0042).
-- An entry without them (every access) is serialized exactly as before, so
-- the hashes already written stay valid; one with them appends both texts.
-- Must stay identical to src/server/audit/entry-hash.ts.
CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_sequence BIGINT;
  last_hash TEXT;
  fields JSON;
BEGIN
  SELECT "lastSequence", "lastHash" INTO last_sequence, last_hash FROM "AuditChainHead" WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO "AuditChainHead" (id, "lastSequence", "lastHash") VALUES (1, 0, repeat('0', 64)) ON CONFLICT (id) DO NOTHING;
    SELECT "lastSequence", "lastHash" INTO last_sequence, last_hash FROM "AuditChainHead" WHERE id = 1 FOR UPDATE;
  END IF;
  NEW."sequence" := last_sequence + 1;
  NEW."createdAt" := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
  NEW."previousHash" := last_hash;
  IF NEW."before" IS NULL AND NEW."after" IS NULL THEN
    fields := json_build_array(
      NEW."previousHash", NEW."sequence"::text, NEW."id"::text,
      to_char(NEW."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      NEW."actorOperatorId"::text, NEW."actorCodiceFiscale", NEW."actorRole"::text, NEW."actorOfficeId"::text,
      NEW."action"::text, NEW."targetType"::text, NEW."targetId", NEW."codiceFiscale", NEW."page", NEW."granted"::text
    );
  ELSE
    fields := json_build_array(
      NEW."previousHash", NEW."sequence"::text, NEW."id"::text,
      to_char(NEW."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      NEW."actorOperatorId"::text, NEW."actorCodiceFiscale", NEW."actorRole"::text, NEW."actorOfficeId"::text,
      NEW."action"::text, NEW."targetType"::text, NEW."targetId", NEW."codiceFiscale", NEW."page", NEW."granted"::text,
      NEW."before", NEW."after"
    );
  END IF;
  NEW."hash" := encode(sha256(convert_to(fields::text, 'UTF8')), 'hex');
  UPDATE "AuditChainHead" SET "lastSequence" = NEW."sequence", "lastHash" = NEW."hash" WHERE id = 1;
  RETURN NEW;
END;
$$;
