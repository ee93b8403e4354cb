import { NotFoundError } from "@/server/errors/domain-errors";
import { getContributorResolution } from "@/server/identity/session";
import { createRequest } from "@/server/requests/create-request";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import { HELD_FORM_FIELD } from "@/server/requests/schemas";
import { submitFormWithDraft } from "@/server/requests/submit-form-with-draft";
import { heldFormResponse, heldFormResponseOnUnavailable } from "@/app/api/held-form-response";
import { seeOther } from "@/app/api/see-other";

/**
 * "Invia" of Nuova richiesta: `?posizione=<id>` (the form's second step) sets
 * the gestione whose limits hold while the files stream in; `&bozza=<id>`
 * names the draft of a corrected form, `&riserva=<reference>` a form kept
 * while the database was unavailable. Success opens the request; refused
 * input goes back to the form with its draft; a database that does not
 * answer gets the page that keeps the form (503).
 */
export async function POST(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const positionId = query.get("posizione") ?? "";
  const draftId = query.get("bozza") ?? undefined;
  const heldReference = query.get(HELD_FORM_FIELD) ?? undefined;
  const formPath = `/cassetto/richieste/nuova?posizione=${encodeURIComponent(positionId)}`;
  try {
    const resolution = await getContributorResolution();
    if (resolution?.status !== "ok") return seeOther("/cassetto/richieste/nuova");
    const actor = resolution.actor;
    const limits = await getUploadLimits(actor, { positionId });
    const outcome = await submitFormWithDraft(actor, request, {
      limits,
      scope: { purpose: "NUOVA_RICHIESTA" },
      draftId,
      heldReference,
      target: positionId,
      submit: (input, files) => createRequest(actor, { ...input, positionId }, files),
    });
    if (outcome.ok) return seeOther(`/cassetto/richieste/${outcome.result.id}?inviata=1`);
    return "held" in outcome ? heldFormResponse(outcome.held) : seeOther(`${formPath}&bozza=${outcome.draftId}#riepilogo-errori`);
  } catch (error) {
    // The position is not (or no longer) one the actor may act on: the form says so.
    if (error instanceof NotFoundError) return seeOther(formPath);
    const held = await heldFormResponseOnUnavailable(error, request, { purpose: "NUOVA_RICHIESTA", target: positionId, draftId, heldReference });
    if (held) return held;
    throw error;
  }
}
