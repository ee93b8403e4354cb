-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('QUESITO_APERTO', 'FASCICOLO_CONTRIBUENTE_APERTO', 'FASCICOLO_CONTRIBUENTE_NEGATO');

-- CreateEnum
CREATE TYPE "AuditTargetType" AS ENUM ('QUESITO', 'CONTRIBUENTE');

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "sequence" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorOperatorId" UUID NOT NULL,
    "actorCodiceFiscale" VARCHAR(16) NOT NULL,
    "actorRole" "OperatorRole" NOT NULL,
    "actorOfficeId" UUID NOT NULL,
    "action" "AuditAction" NOT NULL,
    "targetType" "AuditTargetType" NOT NULL,
    "targetId" VARCHAR(64) NOT NULL,
    "codiceFiscale" VARCHAR(16),
    "page" VARCHAR(2000) NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "previousHash" CHAR(64) NOT NULL DEFAULT '',
    "hash" CHAR(64) NOT NULL DEFAULT '',

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastSequence" BIGINT NOT NULL,
    "lastHash" CHAR(64) NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_sequence_key" ON "AuditEntry"("sequence");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_id_idx" ON "AuditEntry"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_actorOfficeId_createdAt_id_idx" ON "AuditEntry"("actorOfficeId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_actorCodiceFiscale_createdAt_id_idx" ON "AuditEntry"("actorCodiceFiscale", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_codiceFiscale_createdAt_id_idx" ON "AuditEntry"("codiceFiscale", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_createdAt_id_idx" ON "AuditEntry"("targetType", "targetId", "createdAt" DESC, "id" DESC);

-- The chain (decision 0032). Every insert takes the head's row lock, so
-- entries are chained one at a time in commit order; the lock is held to the
-- end of the inserting transaction, which for an access is the INSERT alone.
-- The trigger, not the client, sets the sequence, the time and both hashes.
-- The serialization must stay identical to src/server/audit/entry-hash.ts,
-- which audit:verify recomputes independently of this function.
CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_sequence BIGINT;
  last_hash TEXT;
BEGIN
  SELECT "lastSequence", "lastHash" INTO last_sequence, last_hash FROM "AuditChainHead" WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO "AuditChainHead" (id, "lastSequence", "lastHash") VALUES (1, 0, repeat('0', 64)) ON CONFLICT (id) DO NOTHING;
    SELECT "lastSequence", "lastHash" INTO last_sequence, last_hash FROM "AuditChainHead" WHERE id = 1 FOR UPDATE;
  END IF;
  NEW."sequence" := last_sequence + 1;
  NEW."createdAt" := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
  NEW."previousHash" := last_hash;
  NEW."hash" := encode(sha256(convert_to(json_build_array(
    NEW."previousHash",
    NEW."sequence"::text,
    NEW."id"::text,
    to_char(NEW."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    NEW."actorOperatorId"::text,
    NEW."actorCodiceFiscale",
    NEW."actorRole"::text,
    NEW."actorOfficeId"::text,
    NEW."action"::text,
    NEW."targetType"::text,
    NEW."targetId",
    NEW."codiceFiscale",
    NEW."page",
    NEW."granted"::text
  )::text, 'UTF8')), 'hex');
  UPDATE "AuditChainHead" SET "lastSequence" = NEW."sequence", "lastHash" = NEW."hash" WHERE id = 1;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditEntry_chain" BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();

-- Append-only: nobody changes or removes an entry through a connection that
-- leaves triggers on. Retention, when it comes, is an administrator's
-- operation with its own rules (decision 0032).
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
