import { signedInContributor } from "@/app/_lib/http/actors";
import { heldFormResponse, holdFormWhileUnavailable } from "@/app/_lib/http/held-form-response";
import { problemResponse } from "@/app/_lib/http/problem-response";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { seeOther } from "@/app/_lib/http/see-other";
import { submitFormWithDraft } from "@/app/_lib/http/submit-form-with-draft";
import { NotFoundError } from "@/server/errors/domain-errors";
import { createRequest } from "@/server/requests/create-request";
import { formSettingsVersion } from "@/server/requests/form-settings";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import { HELD_FORM_FIELD } from "@/server/drafts/schemas";

const formPath = (url: URL) => `/cassetto/richieste/nuova?posizione=${encodeURIComponent(url.searchParams.get("posizione") ?? "")}`;

/**
 * "Invia" of Nuova richiesta: `?posizione=<id>` (the form's second step) sets
 * the gestione whose limits hold while the files stream in, `&limiti=<version>`
 * the version of them the form showed; `&bozza=<id>`
 * names the draft of a corrected form, `&riserva=<reference>` a form kept
 * while the database was unavailable. Success opens the request; refused
 * input (over the rate limit too) goes back to the form with its draft; a
 * database that does not answer gets the page that keeps the form (503).
 */
export const POST = routeHandler({
  sameOrigin: true,
  actor: signedInContributor,
  signedOut: () => seeOther("/cassetto/richieste/nuova"),
  rateLimit: { limit: "submissions", at: "service" },
  async handle({ request, url, actor, countRequest }) {
    const positionId = url.searchParams.get("posizione") ?? "";
    // The gestione settings' version the form was opened on: its limits hold (decision 0044).
    const settingsVersion = url.searchParams.get("limiti") ?? "";
    const limits = await getUploadLimits(actor, { positionId, formVersion: formSettingsVersion(settingsVersion) });
    const outcome = await submitFormWithDraft(actor, request, {
      limits,
      scope: { purpose: "NUOVA_RICHIESTA" },
      draftId: url.searchParams.get("bozza") ?? undefined,
      heldReference: url.searchParams.get(HELD_FORM_FIELD) ?? undefined,
      target: positionId,
      submit: async (input, files) => {
        await countRequest();
        return createRequest(actor, { ...input, positionId, settingsVersion }, files);
      },
    });
    if (outcome.ok) return seeOther(`/cassetto/richieste/${outcome.result.id}?inviata=1`);
    return "held" in outcome ? heldFormResponse(outcome.held) : seeOther(`${formPath(url)}&bozza=${outcome.draftId}#riepilogo-errori`);
  },
  // The position is not (or no longer) one the actor may act on: the form says so.
  refused: (error, { url }) => (error instanceof NotFoundError ? seeOther(formPath(url)) : problemResponse(error)),
  databaseUnavailable: ({ request, url }) =>
    holdFormWhileUnavailable(request, {
      purpose: "NUOVA_RICHIESTA",
      target: url.searchParams.get("posizione") ?? "",
      draftId: url.searchParams.get("bozza") ?? undefined,
      heldReference: url.searchParams.get(HELD_FORM_FIELD) ?? undefined,
    }),
});
