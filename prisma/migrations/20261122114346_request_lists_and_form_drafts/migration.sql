-- CreateEnum
CREATE TYPE "FormDraftPurpose" AS ENUM ('NUOVA_RICHIESTA', 'MESSAGGIO_RICHIESTA');

-- CreateTable
CREATE TABLE "FormDraft" (
    "id" UUID NOT NULL,
    "ownerPersonId" UUID NOT NULL,
    "purpose" "FormDraftPurpose" NOT NULL,
    "requestId" UUID,
    "data" JSONB NOT NULL,
    "files" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FormDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FormDraft_ownerPersonId_idx" ON "FormDraft"("ownerPersonId");

-- CreateIndex
CREATE INDEX "FormDraft_expiresAt_idx" ON "FormDraft"("expiresAt");

-- CreateIndex
CREATE INDEX "Request_createdAt_id_idx" ON "Request"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Request_lastActivityAt_id_idx" ON "Request"("lastActivityAt", "id");

-- AddForeignKey
ALTER TABLE "FormDraft" ADD CONSTRAINT "FormDraft_ownerPersonId_fkey" FOREIGN KEY ("ownerPersonId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormDraft" ADD CONSTRAINT "FormDraft_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
