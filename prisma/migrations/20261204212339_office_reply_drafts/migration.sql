-- AlterEnum
ALTER TYPE "FormDraftPurpose" ADD VALUE 'RISPOSTA_QUESITO';

-- AlterTable
ALTER TABLE "FormDraft" ADD COLUMN     "ownerOperatorId" UUID,
ADD COLUMN     "quesitoId" UUID,
ALTER COLUMN "ownerPersonId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "FormDraft_ownerOperatorId_idx" ON "FormDraft"("ownerOperatorId");

-- AddForeignKey
ALTER TABLE "FormDraft" ADD CONSTRAINT "FormDraft_ownerOperatorId_fkey" FOREIGN KEY ("ownerOperatorId") REFERENCES "Operator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormDraft" ADD CONSTRAINT "FormDraft_quesitoId_fkey" FOREIGN KEY ("quesitoId") REFERENCES "Quesito"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A draft has exactly one owner: a person (Cassetto) or an operator (Fascicolo).
ALTER TABLE "FormDraft" ADD CONSTRAINT "FormDraft_one_owner" CHECK (("ownerPersonId" IS NULL) <> ("ownerOperatorId" IS NULL));
