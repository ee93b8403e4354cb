-- CreateEnum
CREATE TYPE "QuestionnaireKind" AS ENUM ('PROFESSIONISTI', 'INVIO_RICHIESTA');

-- CreateTable
CREATE TABLE "QuestionnaireCampaign" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "QuestionnaireKind" NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE,
    "questions" JSONB NOT NULL,

    CONSTRAINT "QuestionnaireCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireResponse" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "answeredOn" DATE NOT NULL,

    CONSTRAINT "QuestionnaireResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireAnswer" (
    "responseId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "questionKey" TEXT NOT NULL,
    "score" SMALLINT,
    "text" TEXT,

    CONSTRAINT "QuestionnaireAnswer_pkey" PRIMARY KEY ("responseId","questionKey")
);

-- CreateTable
CREATE TABLE "QuestionnaireParticipation" (
    "key" CHAR(64) NOT NULL,

    CONSTRAINT "QuestionnaireParticipation_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "QuestionnaireDismissal" (
    "key" CHAR(64) NOT NULL,

    CONSTRAINT "QuestionnaireDismissal_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireCampaign_slug_key" ON "QuestionnaireCampaign"("slug");

-- CreateIndex
CREATE INDEX "QuestionnaireCampaign_kind_opensOn_idx" ON "QuestionnaireCampaign"("kind", "opensOn");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_campaignId_idx" ON "QuestionnaireResponse"("campaignId");

-- CreateIndex
CREATE INDEX "QuestionnaireAnswer_campaignId_questionKey_score_idx" ON "QuestionnaireAnswer"("campaignId", "questionKey", "score");

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "QuestionnaireCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireAnswer" ADD CONSTRAINT "QuestionnaireAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "QuestionnaireResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An answer is a score of the 1–5 scale or a text, never both.
ALTER TABLE "QuestionnaireAnswer" ADD CONSTRAINT "QuestionnaireAnswer_score_or_text" CHECK (
  num_nonnulls("score", "text") = 1 AND ("score" IS NULL OR "score" BETWEEN 1 AND 5)
);
