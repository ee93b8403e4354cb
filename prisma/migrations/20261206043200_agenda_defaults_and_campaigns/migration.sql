-- Decision 0047: questionnaire campaigns and the agenda's defaults administered, and audited.
ALTER TYPE "AuditTargetType" ADD VALUE 'IMPOSTAZIONI_AGENDA';
ALTER TYPE "AuditTargetType" ADD VALUE 'QUESTIONARIO';

-- The rules new offices' agendas start from: one row.
CREATE TABLE "AgendaDefaults" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "places" INTEGER NOT NULL DEFAULT 1,
    "minLeadWorkingDays" INTEGER NOT NULL DEFAULT 2,
    "maxDaysAhead" INTEGER NOT NULL DEFAULT 30,
    "cancelCutoffHours" INTEGER NOT NULL DEFAULT 24,
    "maxReschedules" INTEGER NOT NULL DEFAULT 2,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgendaDefaults_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AgendaDefaults_one_row" CHECK ("id" = 1)
);
INSERT INTO "AgendaDefaults" ("id", "updatedAt") VALUES (1, CURRENT_TIMESTAMP);

-- An office whose rules differ from the old defaults has set its own; one still on them follows the defaults.
ALTER TABLE "AgendaSettings" ADD COLUMN "ownRules" BOOLEAN NOT NULL DEFAULT false;
UPDATE "AgendaSettings" SET "ownRules" = true
WHERE ("slotMinutes", "places", "minLeadWorkingDays", "maxDaysAhead", "cancelCutoffHours", "maxReschedules") <> (30, 1, 2, 30, 24, 2);

ALTER TABLE "QuestionnaireCampaign" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
