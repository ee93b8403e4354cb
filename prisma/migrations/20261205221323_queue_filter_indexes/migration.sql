-- DropIndex
DROP INDEX "Quesito_assigneeId_state_idx";

-- AlterTable: the request's gestione and subject, copied onto its quesito (decision 0030)
ALTER TABLE "Quesito" ADD COLUMN "gestione" "Gestione",
ADD COLUMN "subjectId" UUID;

UPDATE "Quesito" q
SET "gestione" = p."gestione", "subjectId" = r."subjectId"
FROM "Request" r JOIN "Position" p ON p."id" = r."positionId"
WHERE r."id" = q."requestId";

ALTER TABLE "Quesito" ALTER COLUMN "gestione" SET NOT NULL,
ALTER COLUMN "subjectId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Quesito_officeId_gestione_state_receivedAt_id_idx" ON "Quesito"("officeId", "gestione", "state", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Quesito_officeId_subjectId_state_receivedAt_id_idx" ON "Quesito"("officeId", "subjectId", "state", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Quesito_officeId_assigneeId_state_receivedAt_id_idx" ON "Quesito"("officeId", "assigneeId", "state", "receivedAt", "id");

-- AddForeignKey
ALTER TABLE "Quesito" ADD CONSTRAINT "Quesito_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
