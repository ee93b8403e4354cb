-- DropIndex
DROP INDEX "Quesito_officeId_state_receivedAt_idx";

-- CreateIndex
CREATE INDEX "Position_matricola_idx" ON "Position"("matricola");

-- CreateIndex
CREATE INDEX "Quesito_officeId_state_receivedAt_id_idx" ON "Quesito"("officeId", "state", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Quesito_state_requestId_idx" ON "Quesito"("state", "requestId");

-- CreateIndex
CREATE INDEX "Request_direction_positionId_holderId_id_idx" ON "Request"("direction", "positionId", "holderId", "id");
