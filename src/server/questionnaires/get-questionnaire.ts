import "server-only";
import type { Actor } from "@/server/identity/actor";
import { hasAnswered } from "./anonymous-answers";
import { professionalsCampaign, type Campaign } from "./campaigns";
import { participationKey } from "./participation-keys";

/** The professionals' questionnaire `slug` to answer, and whether this person already did; anyone else: not found. */
export async function getQuestionnaire(actor: Actor, slug: string, now = new Date()): Promise<{ campaign: Campaign; answered: boolean }> {
  const { actor: professional, campaign } = await professionalsCampaign(actor, slug, now);
  return { campaign, answered: await hasAnswered(participationKey("risposta", professional.personId, campaign.id)) };
}
