-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RequestEventType" ADD VALUE 'RICHIESTA_INTEGRAZIONE';
ALTER TYPE "RequestEventType" ADD VALUE 'PROMEMORIA_INTEGRAZIONE';
ALTER TYPE "RequestEventType" ADD VALUE 'SCADENZA_VICINA';
ALTER TYPE "RequestEventType" ADD VALUE 'SCADENZA_RAGGIUNTA';

-- AlterTable
ALTER TABLE "GestioneSettings" ADD COLUMN     "maxResponseWorkingDays" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "Quesito" ADD COLUMN     "clockStoppedAt" TIMESTAMP(3),
ADD COLUMN     "dueDateNoticeSentAt" TIMESTAMP(3),
ADD COLUMN     "dueWarningSentAt" TIMESTAMP(3),
ADD COLUMN     "integrationDueAt" TIMESTAMP(3),
ADD COLUMN     "integrationRemindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "maxResponseWorkingDays" INTEGER;

-- CreateIndex
CREATE INDEX "Quesito_officeId_state_dueAt_id_idx" ON "Quesito"("officeId", "state", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Quesito_state_dueAt_idx" ON "Quesito"("state", "dueAt");

-- CreateIndex
CREATE INDEX "Quesito_integrationDueAt_idx" ON "Quesito"("integrationDueAt");
