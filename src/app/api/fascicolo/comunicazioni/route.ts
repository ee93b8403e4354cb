import { signedInOperator } from "@/app/_lib/http/actors";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { seeOther } from "@/app/_lib/http/see-other";
import { submitFormWithDraft } from "@/app/_lib/http/submit-form-with-draft";
import { NEW_COMMUNICATION_PATH, newCommunicationPath, POSITION_PARAM } from "@/app/(fascicolo)/fascicolo/comunicazioni/paths";
import { flashCookie } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/flash";
import { outcomeLocation, quesitoPath } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/paths";
import { createCommunication } from "@/server/communications/create-communication";
import { getNewCommunicationLimits } from "@/server/communications/get-new-communication-limits";
import { DRAFT_FIELD } from "@/server/drafts/schemas";
import { ServiceUnavailableError } from "@/server/errors/domain-errors";
import { realmPaths } from "@/server/identity/auth-options";
import type { OperatorActor } from "@/server/identity/actor";

export const dynamic = "force-dynamic";

/**
 * "Nuova comunicazione" (multipart) to the position `?posizione=<id>`
 * (its gestione's limits hold the upload); `?bozza=<id>` names the draft of a
 * corrected form. A sent communication goes to its quesito (303) with the
 * outcome; a refused one is kept in a draft of the operator (decision 0019)
 * and the form is shown again from it. A position outside the office's
 * competence is not found.
 */
export const POST = routeHandler<OperatorActor, Record<string, never>>({
  sameOrigin: true,
  actor: signedInOperator,
  signedOut: () => seeOther(`${realmPaths.fascicolo.signIn}?callbackUrl=${encodeURIComponent(NEW_COMMUNICATION_PATH)}`),
  async handle({ request, url, actor }) {
    const positionId = url.searchParams.get(POSITION_PARAM) ?? "";
    const outcome = await submitFormWithDraft(actor, request, {
      limits: await getNewCommunicationLimits(actor, positionId),
      scope: { purpose: "NUOVA_COMUNICAZIONE" },
      draftId: url.searchParams.get(DRAFT_FIELD) ?? undefined,
      target: positionId,
      submit: (input, files) => createCommunication(actor, input, files),
    });
    if (outcome.ok) {
      const flash = {
        tone: "success" as const,
        message: `Comunicazione inviata al contribuente: protocollo n. ${outcome.result.protocolNumber}.`,
      };
      const cookie = flashCookie(flash);
      const response = seeOther(outcomeLocation(quesitoPath(outcome.result.quesitoId), cookie.token, flash));
      response.cookies.set(cookie.name, cookie.value, cookie.options);
      return response;
    }
    // Only contributors' forms are held on disk (decision 0019): an operator's never is.
    if ("held" in outcome) throw new ServiceUnavailableError();
    return seeOther(newCommunicationPath({ positionId, draftId: outcome.draftId }));
  },
});
