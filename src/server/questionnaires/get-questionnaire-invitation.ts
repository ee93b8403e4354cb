import "server-only";
import { prisma } from "@/server/db/client";
import type { Actor } from "@/server/identity/actor";
import { hasAnswered } from "./anonymous-answers";
import { isProfessional, openCampaign } from "./campaigns";
import { participationKey } from "./participation-keys";

export type QuestionnaireInvitation = { slug: string; title: string; intro: string };

/**
 * The invitation the Cassetto shows (F16): to a professional (acting as
 * intermediary or delegated employee), while a campaign is open, until they
 * answer it or close the invitation. Null for anyone else.
 */
export async function getQuestionnaireInvitation(actor: Actor, now = new Date()): Promise<QuestionnaireInvitation | null> {
  if (!isProfessional(actor)) return null;
  const campaign = await openCampaign("PROFESSIONISTI", now);
  if (!campaign) return null;
  if (await hasAnswered(participationKey("risposta", actor.personId, campaign.id))) return null;
  const dismissed = await prisma.questionnaireDismissal.count({
    where: { key: participationKey("invito-chiuso", actor.personId, campaign.id) },
  });
  return dismissed > 0 ? null : { slug: campaign.slug, title: campaign.title, intro: campaign.intro };
}
