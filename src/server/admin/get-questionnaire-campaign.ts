import "server-only";
import type { QuestionnaireKind } from "@/generated/prisma/enums";
import { romeIsoDay } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { questionsSchema, type Question } from "@/server/questionnaires/schemas";
import { assertAdmin } from "./policy";
import { campaignState, isoDayOf, type CampaignState } from "./questionnaire-campaign";

export type QuestionnaireCampaignView = {
  id: string;
  slug: string;
  kind: QuestionnaireKind;
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string | null;
  questions: Question[];
  version: number;
  state: CampaignState;
  responses: number;
};

/** A campaign as its administration page shows it, by code; for ADMIN only. */
export async function getQuestionnaireCampaign(actor: OperatorActor, slug: string, now = new Date()): Promise<QuestionnaireCampaignView> {
  assertAdmin(actor);
  const campaign = await prisma.questionnaireCampaign.findUnique({ where: { slug } });
  if (!campaign) throw new NotFoundError();
  const responses = await prisma.questionnaireResponse.count({ where: { campaignId: campaign.id } });
  const { id, kind, title, intro, opensOn, closesOn, version } = campaign;
  return {
    id,
    slug,
    kind,
    title,
    intro,
    opensOn: isoDayOf(opensOn),
    closesOn: closesOn && isoDayOf(closesOn),
    questions: questionsSchema.parse(campaign.questions),
    version,
    state: campaignState(campaign, romeIsoDay(now)),
    responses,
  };
}
