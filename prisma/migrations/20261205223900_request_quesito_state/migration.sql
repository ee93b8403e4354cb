-- DropIndex
DROP INDEX "Request_createdAt_id_idx";

-- DropIndex
DROP INDEX "Request_lastActivityAt_id_idx";

-- DropIndex
DROP INDEX "Request_subjectId_idx";

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "quesitoState" "QuesitoState";

-- The state of each request's quesito, copied once here and then by the
-- trigger below on every write of Quesito, whoever makes it (decision 0029).
UPDATE "Request" r SET "quesitoState" = q.state FROM "Quesito" q WHERE q."requestId" = r.id;

CREATE FUNCTION request_quesito_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "Request" SET "quesitoState" = NULL WHERE id = OLD."requestId";
  ELSE
    UPDATE "Request" SET "quesitoState" = NEW.state WHERE id = NEW."requestId" AND "quesitoState" IS DISTINCT FROM NEW.state;
  END IF;
  RETURN NULL;
END;
$$;

-- A quesito never moves to another request: its state is all there is to follow.
CREATE TRIGGER "Quesito_state_to_request" AFTER INSERT OR DELETE OR UPDATE OF state ON "Quesito"
FOR EACH ROW EXECUTE FUNCTION request_quesito_state();

-- CreateIndex
CREATE INDEX "Request_subjectId_positionId_idx" ON "Request"("subjectId", "positionId");

-- CreateIndex
CREATE INDEX "Request_createdAt_id_positionId_idx" ON "Request"("createdAt", "id", "positionId");

-- CreateIndex
CREATE INDEX "Request_lastActivityAt_id_positionId_idx" ON "Request"("lastActivityAt", "id", "positionId");

-- CreateIndex
CREATE INDEX "Request_quesitoState_createdAt_id_idx" ON "Request"("quesitoState", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Request_positionId_quesitoState_idx" ON "Request"("positionId", "quesitoState");
