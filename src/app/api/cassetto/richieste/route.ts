import { signedInContributor } from "@/app/_lib/http/actors";
import { problemResponse } from "@/app/_lib/http/problem-response";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { seeOther } from "@/app/_lib/http/see-other";
import { NotFoundError } from "@/server/errors/domain-errors";
import { createRequest } from "@/server/requests/create-request";
import { getUploadLimits } from "@/server/requests/get-upload-limits";
import { submitFormWithDraft } from "@/app/_lib/http/submit-form-with-draft";

const formPath = (url: URL) =>
  `/cassetto/richieste/nuova?posizione=${encodeURIComponent(url.searchParams.get("posizione") ?? "")}`;

/**
 * "Invia" of Nuova richiesta: `?posizione=<id>` (the form's second step) sets
 * the gestione whose limits hold while the files stream in; `&bozza=<id>`
 * names the draft of a corrected form. Success opens the request; refused
 * input (over the rate limit too) goes back to the form with its draft.
 */
export const POST = routeHandler({
  sameOrigin: true,
  actor: signedInContributor,
  signedOut: () => seeOther("/cassetto/richieste/nuova"),
  rateLimit: { limit: "submissions", at: "service" },
  async handle({ request, url, actor, countRequest }) {
    const positionId = url.searchParams.get("posizione") ?? "";
    const limits = await getUploadLimits(actor, { positionId });
    const outcome = await submitFormWithDraft(actor, request, {
      limits,
      scope: { purpose: "NUOVA_RICHIESTA" },
      draftId: url.searchParams.get("bozza") ?? undefined,
      submit: async (input, files) => {
        await countRequest();
        return createRequest(actor, { ...input, positionId }, files);
      },
    });
    return outcome.ok
      ? seeOther(`/cassetto/richieste/${outcome.result.id}?inviata=1`)
      : seeOther(`${formPath(url)}&bozza=${outcome.draftId}#riepilogo-errori`);
  },
  // The position is not (or no longer) one the actor may act on: the form says so.
  refused: (error, { url }) => (error instanceof NotFoundError ? seeOther(formPath(url)) : problemResponse(error)),
});
