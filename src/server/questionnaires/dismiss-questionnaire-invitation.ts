import "server-only";
import { prisma } from "@/server/db/client";
import type { Actor } from "@/server/identity/actor";
import { professionalsCampaign } from "./campaigns";
import { participationKey } from "./participation-keys";

/**
 * "Non ora, grazie" on the invitation: it is not shown again for this
 * campaign. What is kept is a keyed hash of person and campaign under a
 * purpose of its own (decision 0039), which tells nobody who closed it and
 * says nothing of any answer; the questionnaire stays reachable by its link.
 */
export async function dismissQuestionnaireInvitation(actor: Actor, input: { campaign: string }, now = new Date()): Promise<void> {
  const { actor: professional, campaign } = await professionalsCampaign(actor, input.campaign, now);
  const key = participationKey("invito-chiuso", professional.personId, campaign.id);
  await prisma.$executeRaw`INSERT INTO "QuestionnaireDismissal" ("key") VALUES (${key}) ON CONFLICT DO NOTHING`;
}
