-- AlterEnum
ALTER TYPE "FormDraftPurpose" ADD VALUE 'AZIONE_QUESITO';
