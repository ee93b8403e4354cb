import "server-only";
import type { Actor } from "@/server/identity/actor";
import { storeAnonymousAnswer } from "./anonymous-answers";
import { professionalsCampaign } from "./campaigns";
import { participationKey } from "./participation-keys";

export const ALREADY_ANSWERED = "Hai già risposto a questo questionario: si può rispondere una sola volta.";

/**
 * A professional's answers to the campaign `campaign` (F16), stored
 * anonymously: once per person and campaign (a second time: ConflictError),
 * invalid answers: ValidationError at their questions.
 */
export async function answerQuestionnaire(
  actor: Actor,
  input: { campaign: string; values: Record<string, unknown> },
  now = new Date(),
): Promise<void> {
  const { actor: professional, campaign } = await professionalsCampaign(actor, input.campaign, now);
  await storeAnonymousAnswer(
    campaign,
    participationKey("risposta", professional.personId, campaign.id),
    input.values,
    ALREADY_ANSWERED,
    now,
  );
}
