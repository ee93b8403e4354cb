import { signedInContributor } from "@/app/_lib/http/actors";
import { heldFormResponse, holdFormWhileUnavailable } from "@/app/_lib/http/held-form-response";
import { problemResponse } from "@/app/_lib/http/problem-response";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { seeOther } from "@/app/_lib/http/see-other";
import { submitFormWithDraft } from "@/app/_lib/http/submit-form-with-draft";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { addContributorMessage } from "@/server/requests/add-contributor-message";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import { HELD_FORM_FIELD } from "@/server/drafts/schemas";

const requestPath = (id: string) => `/cassetto/richieste/${encodeURIComponent(id)}`;

/**
 * A contributor's message on a request (multipart, with attachments);
 * `?bozza=<id>` names the draft of a corrected form, `?riserva=<reference>` a
 * form kept while the database was unavailable. Success and refusal (over
 * the rate limit too) both go back to the request's page, the latter with
 * the draft; a database that does not answer gets the page that keeps the
 * form (503).
 */
export const POST = routeHandler<ContributorActor, { id: string }>({
  sameOrigin: true,
  actor: signedInContributor,
  signedOut: ({ params }) => seeOther(requestPath(params.id)),
  rateLimit: { limit: "submissions", at: "service" },
  async handle({ request, url, params: { id }, actor, countRequest }) {
    const limits = await getUploadLimits(actor, { requestId: id });
    const outcome = await submitFormWithDraft(actor, request, {
      limits,
      scope: { purpose: "MESSAGGIO_RICHIESTA", requestId: id },
      draftId: url.searchParams.get("bozza") ?? undefined,
      heldReference: url.searchParams.get(HELD_FORM_FIELD) ?? undefined,
      target: id,
      submit: async (input, files) => {
        await countRequest();
        return addContributorMessage(actor, id, input, files);
      },
    });
    if (outcome.ok) return seeOther(`${requestPath(id)}?messaggio=1#messaggi`);
    return "held" in outcome ? heldFormResponse(outcome.held) : seeOther(`${requestPath(id)}?bozza=${outcome.draftId}#scrivi`);
  },
  // Someone else's request, or one the actor may no longer act on: its page answers "not found".
  refused: (error, { params }) => (error instanceof NotFoundError ? seeOther(requestPath(params.id)) : problemResponse(error)),
  databaseUnavailable: ({ request, url, params: { id } }) =>
    holdFormWhileUnavailable(request, {
      purpose: "MESSAGGIO_RICHIESTA",
      target: id,
      draftId: url.searchParams.get("bozza") ?? undefined,
      heldReference: url.searchParams.get(HELD_FORM_FIELD) ?? undefined,
    }),
});
