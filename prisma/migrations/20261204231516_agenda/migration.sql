-- CreateEnum
CREATE TYPE "AppointmentChannel" AS ENUM ('IN_PRESENZA', 'TELEFONICO', 'VIDEOCHIAMATA');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('PRENOTATO', 'ANNULLATO_CONTRIBUENTE', 'ANNULLATO_SEDE', 'SVOLTO', 'NON_PRESENTATO');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RequestEventType" ADD VALUE 'APPUNTAMENTO_PRENOTATO';
ALTER TYPE "RequestEventType" ADD VALUE 'APPUNTAMENTO_SPOSTATO';
ALTER TYPE "RequestEventType" ADD VALUE 'APPUNTAMENTO_ANNULLATO';
ALTER TYPE "RequestEventType" ADD VALUE 'APPUNTAMENTO_SVOLTO';
ALTER TYPE "RequestEventType" ADD VALUE 'APPUNTAMENTO_NON_PRESENTATO';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "icsAttachment" TEXT;

-- CreateTable
CREATE TABLE "AgendaSettings" (
    "officeId" UUID NOT NULL,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "places" INTEGER NOT NULL DEFAULT 1,
    "minLeadWorkingDays" INTEGER NOT NULL DEFAULT 2,
    "maxDaysAhead" INTEGER NOT NULL DEFAULT 30,
    "cancelCutoffHours" INTEGER NOT NULL DEFAULT 24,
    "maxReschedules" INTEGER NOT NULL DEFAULT 2,
    "address" TEXT,
    "videoLink" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgendaSettings_pkey" PRIMARY KEY ("officeId")
);

-- CreateTable
CREATE TABLE "AgendaWindow" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "channel" "AppointmentChannel" NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,

    CONSTRAINT "AgendaWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaClosure" (
    "officeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaClosure_pkey" PRIMARY KEY ("officeId","day")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "bookedById" UUID NOT NULL,
    "actingProfile" "ActingProfile" NOT NULL,
    "channel" "AppointmentChannel" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "phone" TEXT,
    "noticeEmail" TEXT,
    "noticeMobile" TEXT,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'PRENOTATO',
    "rescheduleCount" INTEGER NOT NULL DEFAULT 0,
    "cancelReason" TEXT,
    "reminderSentAt" TIMESTAMP(3),
    "outcomeAt" TIMESTAMP(3),
    "outcomeById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppointmentPlace" (
    "officeId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "placeIndex" INTEGER NOT NULL,
    "appointmentId" UUID NOT NULL,

    CONSTRAINT "AppointmentPlace_pkey" PRIMARY KEY ("officeId","startsAt","placeIndex")
);

-- CreateIndex
CREATE INDEX "AgendaWindow_officeId_weekday_idx" ON "AgendaWindow"("officeId", "weekday");

-- CreateIndex
CREATE INDEX "Appointment_officeId_startsAt_idx" ON "Appointment"("officeId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_requestId_idx" ON "Appointment"("requestId");

-- CreateIndex
CREATE INDEX "Appointment_bookedById_startsAt_idx" ON "Appointment"("bookedById", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_status_startsAt_idx" ON "Appointment"("status", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppointmentPlace_appointmentId_key" ON "AppointmentPlace"("appointmentId");

-- AddForeignKey
ALTER TABLE "AgendaSettings" ADD CONSTRAINT "AgendaSettings_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaWindow" ADD CONSTRAINT "AgendaWindow_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaClosure" ADD CONSTRAINT "AgendaClosure_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_outcomeById_fkey" FOREIGN KEY ("outcomeById") REFERENCES "Operator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentPlace" ADD CONSTRAINT "AppointmentPlace_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
