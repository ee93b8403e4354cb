-- AlterEnum
ALTER TYPE "FormDraftPurpose" ADD VALUE 'ISTANZA';

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "istanza" JSONB;
