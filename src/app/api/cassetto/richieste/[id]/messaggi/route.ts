import { NotFoundError } from "@/server/errors/domain-errors";
import { getContributorResolution } from "@/server/identity/session";
import { addContributorMessage } from "@/server/requests/add-contributor-message";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import { submitFormWithDraft } from "@/server/requests/submit-form-with-draft";
import { seeOther } from "@/app/api/see-other";

type Context = { params: Promise<{ id: string }> };

/**
 * A contributor's message on a request (multipart, with attachments);
 * `?bozza=<id>` names the draft of a corrected form. Success and refusal both
 * go back to the request's page, the latter with the draft.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  const requestPath = `/cassetto/richieste/${encodeURIComponent(id)}`;
  const resolution = await getContributorResolution();
  if (resolution?.status !== "ok") return seeOther(requestPath);
  const actor = resolution.actor;
  const draftId = new URL(request.url).searchParams.get("bozza") ?? undefined;
  try {
    const limits = await getUploadLimits(actor, { requestId: id });
    const outcome = await submitFormWithDraft(actor, request, {
      limits,
      scope: { purpose: "MESSAGGIO_RICHIESTA", requestId: id },
      draftId,
      submit: (input, files) => addContributorMessage(actor, id, input, files),
    });
    return outcome.ok
      ? seeOther(`${requestPath}?messaggio=1#messaggi`)
      : seeOther(`${requestPath}?bozza=${outcome.draftId}#scrivi`);
  } catch (error) {
    // Someone else's request, or one the actor may no longer act on: its page answers "not found".
    if (error instanceof NotFoundError) return seeOther(requestPath);
    throw error;
  }
}
