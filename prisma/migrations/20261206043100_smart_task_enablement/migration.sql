-- CreateEnum
CREATE TYPE "SmartTaskOpening" AS ENUM ('DISABILITATO', 'PILOTA', 'TUTTI');

-- AlterEnum
ALTER TYPE "AuditTargetType" ADD VALUE 'SMART_TASK';

-- CreateTable
CREATE TABLE "SmartTaskEnablement" (
    "kind" "SmartTaskKind" NOT NULL,
    "opening" "SmartTaskOpening" NOT NULL DEFAULT 'DISABILITATO',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmartTaskEnablement_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "SmartTaskPilotGroup" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "codiciFiscali" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmartTaskPilotGroup_pkey" PRIMARY KEY ("id")
);

-- One pilot group (decision 0046).
ALTER TABLE "SmartTaskPilotGroup" ADD CONSTRAINT "SmartTaskPilotGroup_single_row" CHECK ("id" = 1);
