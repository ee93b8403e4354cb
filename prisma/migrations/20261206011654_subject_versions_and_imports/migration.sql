-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SubjectImport" (
    "id" UUID NOT NULL,
    "gestione" "Gestione" NOT NULL,
    "operatorId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "problems" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "SubjectImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubjectImport_operatorId_createdAt_idx" ON "SubjectImport"("operatorId", "createdAt");
