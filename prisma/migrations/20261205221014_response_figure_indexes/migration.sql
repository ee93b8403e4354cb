-- CreateIndex
CREATE INDEX "Quesito_officeId_receivedAt_idx" ON "Quesito"("officeId", "receivedAt");

-- CreateIndex
CREATE INDEX "Quesito_officeId_takenAt_idx" ON "Quesito"("officeId", "takenAt");

-- CreateIndex
CREATE INDEX "Quesito_officeId_closedAt_idx" ON "Quesito"("officeId", "closedAt");

-- CreateIndex
CREATE INDEX "RequestEvent_type_createdAt_idx" ON "RequestEvent"("type", "createdAt");
