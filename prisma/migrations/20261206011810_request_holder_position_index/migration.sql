-- CreateIndex
CREATE INDEX "Request_holderId_positionId_id_idx" ON "Request"("holderId", "positionId", "id");
