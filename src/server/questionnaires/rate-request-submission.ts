import "server-only";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { storeAnonymousAnswer } from "./anonymous-answers";
import { QUESTIONNAIRE_NOT_FOUND } from "./campaigns";
import { ratingOfOwnRequest } from "./get-submission-rating";

export const ALREADY_RATED = "Hai già valutato l'invio di questa richiesta.";

/**
 * The rating of how easy sending a request was, by the person who sent it,
 * stored as anonymously as the questionnaire (decision 0039): once per
 * person and request.
 */
export async function rateRequestSubmission(
  actor: Actor,
  input: { requestId: string; values: Record<string, unknown> },
  now = new Date(),
): Promise<void> {
  const { campaign, key } = await ratingOfOwnRequest(actor, input.requestId, now);
  if (!campaign || !key) throw new NotFoundError(QUESTIONNAIRE_NOT_FOUND);
  await storeAnonymousAnswer(campaign, key, input.values, ALREADY_RATED, now);
}
