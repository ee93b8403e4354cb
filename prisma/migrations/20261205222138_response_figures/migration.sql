-- AlterTable
ALTER TABLE "Quesito" ADD COLUMN     "firstReplyAt" TIMESTAMP(3);

-- The quesiti replied to before this migration: their first RISPOSTA event (decision 0036).
UPDATE "Quesito" q SET "firstReplyAt" = first."createdAt"
FROM (SELECT "requestId", min("createdAt") AS "createdAt" FROM "RequestEvent" WHERE type = 'RISPOSTA' GROUP BY "requestId") first
WHERE first."requestId" = q."requestId";

-- CreateIndex
CREATE INDEX "Quesito_officeId_receivedAt_idx" ON "Quesito"("officeId", "receivedAt");

-- CreateIndex
CREATE INDEX "Quesito_officeId_takenAt_idx" ON "Quesito"("officeId", "takenAt");

-- CreateIndex
CREATE INDEX "Quesito_officeId_firstReplyAt_idx" ON "Quesito"("officeId", "firstReplyAt");

-- CreateIndex
CREATE INDEX "Quesito_officeId_closedAt_idx" ON "Quesito"("officeId", "closedAt");
