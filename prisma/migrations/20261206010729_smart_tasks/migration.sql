-- Smart-Task (F14, decision 0037). Adding "Quesito"."smartTask" with a constant default rewrites no row;
-- its index is built under a lock on writes to "Quesito": apply in a quiet window (docs/operations.md).
-- CreateEnum
CREATE TYPE "SmartTaskKind" AS ENUM ('REVOCA_DELEGA_INTERMEDIARIO');

-- CreateEnum
CREATE TYPE "SmartTaskStatus" AS ENUM ('INVIATA', 'IN_CARICO', 'ACCOLTA', 'NON_ACCOLTA');

-- AlterTable
ALTER TABLE "Quesito" ADD COLUMN     "smartTask" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SmartTask" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" "SmartTaskKind" NOT NULL,
    "filedById" UUID NOT NULL,
    "actingProfile" "ActingProfile" NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "SmartTaskStatus" NOT NULL DEFAULT 'INVIATA',
    "checks" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "takenAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "SmartTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SmartTask_requestId_key" ON "SmartTask"("requestId");

-- CreateIndex
CREATE INDEX "SmartTask_filedById_actingProfile_createdAt_idx" ON "SmartTask"("filedById", "actingProfile", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Quesito_officeId_smartTask_state_receivedAt_id_idx" ON "Quesito"("officeId", "smartTask", "state", "receivedAt", "id");

-- AddForeignKey
ALTER TABLE "SmartTask" ADD CONSTRAINT "SmartTask_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmartTask" ADD CONSTRAINT "SmartTask_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The queue of the Smart-Task processing jobs (decision 0037): a task's job is
-- inserted in the transaction that files it, so the queue must exist wherever
-- the tables do. Retried with backoff; the task's row makes a retry harmless.
SELECT pgboss.create_queue('smart-task-processing', '{"policy": "standard", "retryLimit": 10, "retryDelay": 30, "retryBackoff": true, "expireInSeconds": 300}');
