-- The daily summary of the response-time figures (decision 0036, amended): derived data the
-- worker's job writes (summariseResponseDays). Nothing to fill here: its first run summarises
-- the last year; until a day is summarised, an ADMIN's all-offices view computes it live.

-- CreateTable
CREATE TABLE "ResponseFiguresDay" (
    "day" DATE NOT NULL,
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

    CONSTRAINT "ResponseFiguresDay_pkey" PRIMARY KEY ("day","officeId","subjectId")
);

-- CreateTable
CREATE TABLE "ResponseFiguresSummarisedDay" (
    "day" DATE NOT NULL,
    "summarisedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResponseFiguresSummarisedDay_pkey" PRIMARY KEY ("day")
);
