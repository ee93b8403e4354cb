-- The response-time figures per office and gestione, per day and per whole month (decision 0036,
-- second amendment): derived data the worker's job writes with ResponseFiguresDay. Nothing to fill
-- here: the next run sees no gestione rows for the days already summarised and summarises them again.
DELETE FROM "ResponseFiguresSummarisedDay";

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
CREATE INDEX "ResponseFiguresDay_officeId_day_idx" ON "ResponseFiguresDay"("officeId", "day");
