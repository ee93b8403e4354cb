import { NotFoundError } from "@/server/errors/domain-errors";
import { getContributorResolution } from "@/server/identity/session";
import { addContributorMessage } from "@/server/requests/add-contributor-message";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import { HELD_FORM_FIELD } from "@/server/requests/schemas";
import { submitFormWithDraft } from "@/server/requests/submit-form-with-draft";
import { heldFormResponse, heldFormResponseOnUnavailable } from "@/app/api/held-form-response";
import { seeOther } from "@/app/api/see-other";

type Context = { params: Promise<{ id: string }> };

/**
 * A contributor's message on a request (multipart, with attachments);
 * `?bozza=<id>` names the draft of a corrected form, `?riserva=<reference>` a
 * form kept while the database was unavailable. Success and refusal both go
 * back to the request's page, the latter with the draft; a database that
 * does not answer gets the page that keeps the form (503).
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  const requestPath = `/cassetto/richieste/${encodeURIComponent(id)}`;
  const query = new URL(request.url).searchParams;
  const draftId = query.get("bozza") ?? undefined;
  const heldReference = query.get(HELD_FORM_FIELD) ?? undefined;
  try {
    const resolution = await getContributorResolution();
    if (resolution?.status !== "ok") return seeOther(requestPath);
    const actor = resolution.actor;
    const limits = await getUploadLimits(actor, { requestId: id });
    const outcome = await submitFormWithDraft(actor, request, {
      limits,
      scope: { purpose: "MESSAGGIO_RICHIESTA", requestId: id },
      draftId,
      heldReference,
      target: id,
      submit: (input, files) => addContributorMessage(actor, id, input, files),
    });
    if (outcome.ok) return seeOther(`${requestPath}?messaggio=1#messaggi`);
    return "held" in outcome ? heldFormResponse(outcome.held) : seeOther(`${requestPath}?bozza=${outcome.draftId}#scrivi`);
  } catch (error) {
    // Someone else's request, or one the actor may no longer act on: its page answers "not found".
    if (error instanceof NotFoundError) return seeOther(requestPath);
    const held = await heldFormResponseOnUnavailable(error, request, { purpose: "MESSAGGIO_RICHIESTA", target: id, draftId, heldReference });
    if (held) return held;
    throw error;
  }
}
