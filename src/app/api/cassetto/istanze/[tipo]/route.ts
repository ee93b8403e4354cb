import { signedInContributor } from "@/app/_lib/http/actors";
import { heldFormResponse, holdFormWhileUnavailable } from "@/app/_lib/http/held-form-response";
import { problemResponse } from "@/app/_lib/http/problem-response";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { seeOther } from "@/app/_lib/http/see-other";
import { submitFormWithDraft } from "@/app/_lib/http/submit-form-with-draft";
import { HELD_FORM_FIELD } from "@/server/drafts/schemas";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { createInstance } from "@/server/istanze/create-instance";
import { formSettingsVersion } from "@/server/requests/form-settings";
import { getUploadLimits } from "@/server/requests/get-upload-limits";

const formPath = (kind: string, url: URL) =>
  `/cassetto/istanze/${encodeURIComponent(kind)}?posizione=${encodeURIComponent(url.searchParams.get("posizione") ?? "")}`;

/** What a held istanza is posted for: its kind and position, as the end of this route's address (held-form-page.ts). */
const heldTarget = (kind: string, url: URL) =>
  `${encodeURIComponent(kind)}?${new URLSearchParams({ posizione: url.searchParams.get("posizione") ?? "" })}`;

/**
 * "Invia" of an Istanza online (F17): `?posizione=<id>` sets the gestione
 * whose limits hold while the files stream in, `&limiti=<version>` the
 * version of them the form showed (decision 0044), `&bozza=<id>` names the
 * draft of a corrected form, `&riserva=<reference>` a form kept while the
 * database was unavailable. Success opens the request; refused input (over
 * the rate limit too) goes back to the form with its draft; a kind or a
 * position that is not found goes back to the form's address, which says
 * so; a database that does not answer gets the page that keeps the form (503).
 */
export const POST = routeHandler<ContributorActor, { tipo: string }>({
  sameOrigin: true,
  actor: signedInContributor,
  signedOut: ({ params }) => seeOther(`/cassetto/istanze/${encodeURIComponent(params.tipo)}`),
  rateLimit: { limit: "submissions", at: "service" },
  async handle({ request, url, params: { tipo }, actor, countRequest }) {
    const positionId = url.searchParams.get("posizione") ?? "";
    const settingsVersion = url.searchParams.get("limiti") ?? "";
    const limits = await getUploadLimits(actor, { positionId, formVersion: formSettingsVersion(settingsVersion) });
    const outcome = await submitFormWithDraft(actor, request, {
      limits,
      scope: { purpose: "ISTANZA" },
      draftId: url.searchParams.get("bozza") ?? undefined,
      heldReference: url.searchParams.get(HELD_FORM_FIELD) ?? undefined,
      target: heldTarget(tipo, url),
      submit: async (input, files) => {
        await countRequest();
        return createInstance(actor, tipo, { ...input, positionId, settingsVersion }, files);
      },
    });
    if (outcome.ok) return seeOther(`/cassetto/richieste/${outcome.result.id}?inviata=1`);
    return "held" in outcome
      ? heldFormResponse(outcome.held)
      : seeOther(`${formPath(tipo, url)}&bozza=${outcome.draftId}#riepilogo-errori`);
  },
  refused: (error, { url, params }) => (error instanceof NotFoundError ? seeOther(formPath(params.tipo, url)) : problemResponse(error)),
  databaseUnavailable: ({ request, url, params }) =>
    holdFormWhileUnavailable(request, {
      purpose: "ISTANZA",
      target: heldTarget(params.tipo, url),
      draftId: url.searchParams.get("bozza") ?? undefined,
      heldReference: url.searchParams.get(HELD_FORM_FIELD) ?? undefined,
    }),
});
