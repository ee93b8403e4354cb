-- CreateEnum
CREATE TYPE "DelegationOrigin" AS ENUM ('CONFERITA', 'RICHIESTA');

-- AlterTable
ALTER TABLE "Delegation" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "origin" "DelegationOrigin" NOT NULL DEFAULT 'CONFERITA',
ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "rejectedReason" TEXT,
ADD COLUMN     "verificationAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "verificationCodeExpiresAt" TIMESTAMP(3),
ADD COLUMN     "verificationCodeHash" VARCHAR(128);

-- CreateTable
CREATE TABLE "SavedRequestFilter" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "profile" "ActingProfile" NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedRequestFilter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedRequestFilter_personId_profile_name_key" ON "SavedRequestFilter"("personId", "profile", "name");

-- AddForeignKey
ALTER TABLE "SavedRequestFilter" ADD CONSTRAINT "SavedRequestFilter_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
