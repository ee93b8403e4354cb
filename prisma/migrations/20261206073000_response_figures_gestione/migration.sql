-- The response-time figures' summary by whole months, and per office and gestione (decision 0036,
-- second amendment): derived data the worker's job writes with ResponseFiguresDay. Nothing to fill
-- here: with the days marked unsummarised, its next run summarises the year again into every table.
DELETE FROM "ResponseFiguresSummarisedDay";

-- AlterTable
ALTER TABLE "ResponseFiguresSummarisedDay" ADD COLUMN     "upTo" TIMESTAMP(3) NOT NULL;

-- CreateTable
CREATE TABLE "ResponseFiguresMonth" (
    "month" DATE NOT NULL,
    "officeId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "received" INTEGER NOT NULL,
    "taken" INTEGER NOT NULL,
    "takenBuckets" INTEGER[],
    "takenCounts" INTEGER[],
    "replied" INTEGER NOT NULL,
    "repliedBuckets" INTEGER[],
    "repliedCounts" INTEGER[],
    "closed" INTEGER NOT NULL,
    "closedBuckets" INTEGER[],
    "closedCounts" INTEGER[],
    "closedWithDueDate" INTEGER NOT NULL,
    "closedOnTime" INTEGER NOT NULL,

    CONSTRAINT "ResponseFiguresMonth_pkey" PRIMARY KEY ("month","officeId","subjectId")
);

-- CreateTable
CREATE TABLE "ResponseFiguresGestioneDay" (
    "day" DATE NOT NULL,
    "officeId" UUID NOT NULL,
    "gestione" "Gestione" NOT NULL,
    "received" INTEGER NOT NULL,
    "taken" INTEGER NOT NULL,
    "takenBuckets" INTEGER[],
    "takenCounts" INTEGER[],
    "replied" INTEGER NOT NULL,
    "repliedBuckets" INTEGER[],
    "repliedCounts" INTEGER[],
    "closed" INTEGER NOT NULL,
    "closedBuckets" INTEGER[],
    "closedCounts" INTEGER[],
    "closedWithDueDate" INTEGER NOT NULL,
    "closedOnTime" INTEGER NOT NULL,

    CONSTRAINT "ResponseFiguresGestioneDay_pkey" PRIMARY KEY ("day","officeId","gestione")
);

-- CreateTable
CREATE TABLE "ResponseFiguresGestioneMonth" (
    "month" DATE NOT NULL,
    "officeId" UUID NOT NULL,
    "gestione" "Gestione" NOT NULL,
    "received" INTEGER NOT NULL,
    "taken" INTEGER NOT NULL,
    "takenBuckets" INTEGER[],
    "takenCounts" INTEGER[],
    "replied" INTEGER NOT NULL,
    "repliedBuckets" INTEGER[],
    "repliedCounts" INTEGER[],
    "closed" INTEGER NOT NULL,
    "closedBuckets" INTEGER[],
    "closedCounts" INTEGER[],
    "closedWithDueDate" INTEGER NOT NULL,
    "closedOnTime" INTEGER NOT NULL,

    CONSTRAINT "ResponseFiguresGestioneMonth_pkey" PRIMARY KEY ("month","officeId","gestione")
);

-- CreateIndex
CREATE INDEX "Quesito_state_direction_officeId_subjectId_dueAt_idx" ON "Quesito"("state", "direction", "officeId", "subjectId", "dueAt");

-- CreateIndex
CREATE INDEX "ResponseFiguresDay_officeId_day_subjectId_received_closed_idx" ON "ResponseFiguresDay"("officeId", "day", "subjectId", "received", "closed");

-- CreateIndex
CREATE INDEX "ResponseFiguresDay_subjectId_day_officeId_received_closed_idx" ON "ResponseFiguresDay"("subjectId", "day", "officeId", "received", "closed");

-- CreateIndex
CREATE INDEX "ResponseFiguresGestioneDay_day_officeId_gestione_received_c_idx" ON "ResponseFiguresGestioneDay"("day", "officeId", "gestione", "received", "closed");
