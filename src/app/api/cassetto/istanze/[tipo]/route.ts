import { signedInContributor } from "@/app/_lib/http/actors";
import { heldFormResponse } from "@/app/_lib/http/held-form-response";
import { problemResponse } from "@/app/_lib/http/problem-response";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { seeOther } from "@/app/_lib/http/see-other";
import { submitFormWithDraft } from "@/app/_lib/http/submit-form-with-draft";
import { NotFoundError } from "@/server/errors/domain-errors";
import type { ContributorActor } from "@/server/identity/actor";
import { createInstance } from "@/server/istanze/create-instance";
import { getUploadLimits } from "@/server/requests/get-upload-limits";

const formPath = (kind: string, url: URL) =>
  `/cassetto/istanze/${encodeURIComponent(kind)}?posizione=${encodeURIComponent(url.searchParams.get("posizione") ?? "")}`;

/**
 * "Invia" of an Istanza online (F17): `?posizione=<id>` sets the gestione
 * whose limits hold while the files stream in, `&bozza=<id>` names the draft
 * of a corrected form. Success opens the request; refused input (over the
 * rate limit too) goes back to the form with its draft; a kind or a position
 * that is not found goes back to the form's address, which says so.
 */
export const POST = routeHandler<ContributorActor, { tipo: string }>({
  sameOrigin: true,
  actor: signedInContributor,
  signedOut: ({ params }) => seeOther(`/cassetto/istanze/${encodeURIComponent(params.tipo)}`),
  rateLimit: { limit: "submissions", at: "service" },
  async handle({ request, url, params: { tipo }, actor, countRequest }) {
    const positionId = url.searchParams.get("posizione") ?? "";
    const limits = await getUploadLimits(actor, { positionId });
    const outcome = await submitFormWithDraft(actor, request, {
      limits,
      scope: { purpose: "ISTANZA" },
      draftId: url.searchParams.get("bozza") ?? undefined,
      target: positionId,
      submit: async (input, files) => {
        await countRequest();
        return createInstance(actor, tipo, { ...input, positionId }, files);
      },
    });
    if (outcome.ok) return seeOther(`/cassetto/richieste/${outcome.result.id}?inviata=1`);
    return "held" in outcome
      ? heldFormResponse(outcome.held)
      : seeOther(`${formPath(tipo, url)}&bozza=${outcome.draftId}#riepilogo-errori`);
  },
  refused: (error, { url, params }) => (error instanceof NotFoundError ? seeOther(formPath(params.tipo, url)) : problemResponse(error)),
});
