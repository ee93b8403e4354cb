-- CreateEnum
CREATE TYPE "PreferredChannel" AS ENUM ('EMAIL', 'PEC', 'SMS');

-- CreateEnum
CREATE TYPE "ContactField" AS ENUM ('EMAIL', 'PEC', 'MOBILE', 'LANDLINE', 'FAX', 'PREFERRED_CHANNEL', 'HOLDER_NOTICES');

-- CreateEnum
CREATE TYPE "ContactChangeStatus" AS ENUM ('PENDING', 'APPLIED', 'VOIDED', 'EXPIRED');

-- CreateTable
CREATE TABLE "ArchiveContact" (
    "positionId" UUID NOT NULL,
    "email" TEXT,
    "pec" TEXT,
    "mobile" TEXT,
    "landline" TEXT,
    "fax" TEXT,

    CONSTRAINT "ArchiveContact_pkey" PRIMARY KEY ("positionId")
);

-- CreateTable
CREATE TABLE "PersonArchiveContact" (
    "personId" UUID NOT NULL,
    "email" TEXT,
    "pec" TEXT,
    "mobile" TEXT,
    "landline" TEXT,
    "fax" TEXT,

    CONSTRAINT "PersonArchiveContact_pkey" PRIMARY KEY ("personId")
);

-- The per-person contacts on file become the archive data of the person and of
-- each of their positions; per-gestione profiles start empty and are written
-- at the first change.
INSERT INTO "PersonArchiveContact" ("personId", "email", "pec", "mobile", "landline", "fax")
SELECT "personId", "email", "pec", "mobile", "landline", "fax" FROM "ContactProfile";

INSERT INTO "ArchiveContact" ("positionId", "email", "pec", "mobile", "landline", "fax")
SELECT p."id", c."email", c."pec", c."mobile", c."landline", c."fax"
FROM "Position" p JOIN "ContactProfile" c ON c."personId" = p."holderId";

DELETE FROM "ContactProfile";

-- AlterTable
ALTER TABLE "ContactProfile" DROP CONSTRAINT "ContactProfile_pkey",
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "gestione" "Gestione" NOT NULL,
ADD COLUMN     "holderNoticesOff" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "id" UUID NOT NULL,
ADD COLUMN     "preferredChannel" "PreferredChannel",
ADD CONSTRAINT "ContactProfile_pkey" PRIMARY KEY ("id");

-- CreateTable
CREATE TABLE "ContactChange" (
    "id" UUID NOT NULL,
    "profileId" UUID NOT NULL,
    "field" "ContactField" NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "status" "ContactChangeStatus" NOT NULL,
    "changedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "codeHash" TEXT,
    "codeExpiresAt" TIMESTAMP(3),
    "codeAttempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContactChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactChange_profileId_createdAt_idx" ON "ContactChange"("profileId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ContactProfile_personId_gestione_key" ON "ContactProfile"("personId", "gestione");

-- AddForeignKey
ALTER TABLE "ArchiveContact" ADD CONSTRAINT "ArchiveContact_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonArchiveContact" ADD CONSTRAINT "PersonArchiveContact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactChange" ADD CONSTRAINT "ContactChange_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "ContactProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactChange" ADD CONSTRAINT "ContactChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
