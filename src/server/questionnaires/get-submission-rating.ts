import "server-only";
import { REQUEST_NOT_FOUND, requestAccessWhere } from "@/server/access/request-access";
import { notFoundFor } from "@/server/access/report-foreign-record";
import { prisma } from "@/server/db/client";
import { isUuid } from "@/lib/form-fields";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import { hasAnswered } from "./anonymous-answers";
import { openCampaign, type Campaign } from "./campaigns";
import { participationKey } from "./participation-keys";

/**
 * The open rating campaign for a request the actor sent themselves, and its
 * participation key (person, campaign and request); a request out of reach
 * or sent by someone else: not found.
 */
export async function ratingOfOwnRequest(
  actor: Actor,
  requestId: string,
  now: Date,
): Promise<{ campaign: Campaign | null; key: string | null }> {
  if (actor.kind !== "contributor") throw new NotFoundError(REQUEST_NOT_FOUND);
  const request = isUuid(requestId)
    ? await prisma.request.findFirst({
        where: { AND: [{ id: requestId, submittedById: actor.personId }, requestAccessWhere(actor, now)] },
        select: { id: true },
      })
    : null;
  if (!request) throw await notFoundFor(actor, "request", requestId, REQUEST_NOT_FOUND);
  const campaign = await openCampaign("INVIO_RICHIESTA", now);
  return { campaign, key: campaign && participationKey("risposta", actor.personId, campaign.id, request.id) };
}

/**
 * The one-question rating offered after sending a request ("Quanto è stato
 * facile inviare la richiesta?"): its campaign while one is open and the
 * person has not rated this request yet, otherwise null.
 */
export async function getSubmissionRating(actor: Actor, requestId: string, now = new Date()): Promise<Campaign | null> {
  const { campaign, key } = await ratingOfOwnRequest(actor, requestId, now);
  return campaign && key && !(await hasAnswered(key)) ? campaign : null;
}
