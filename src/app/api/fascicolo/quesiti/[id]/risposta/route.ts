import { signedInOperator } from "@/app/_lib/http/actors";
import { refusedFormFlash } from "@/app/_lib/form-flash";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { seeOther } from "@/app/_lib/http/see-other";
import { submitFormWithDraft } from "@/app/_lib/http/submit-form-with-draft";
import { ServiceUnavailableError } from "@/server/errors/domain-errors";
import { DRAFT_FIELD } from "@/server/drafts/schemas";
import { realmPaths } from "@/server/identity/auth-options";
import type { OperatorActor } from "@/server/identity/actor";
import { getReplyUploadLimits } from "@/server/quesiti/get-reply-upload-limits";
import { replyToQuesito } from "@/server/quesiti/reply-to-quesito";
import { flashCookie, type Flash } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/flash";
import { formSectionId } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/form-sections";
import { outcomeLocation, quesitoPath } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/paths";

export const dynamic = "force-dynamic";

/** Back to the quesito (303) with the outcome in the form-flash cookie (decision 0007). */
function withFlash(quesitoId: string, flash: Flash) {
  const cookie = flashCookie(flash);
  const response = seeOther(outcomeLocation(quesitoPath(quesitoId), cookie.token, flash));
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

/**
 * The office's reply with attachments (multipart); `?bozza=<id>` names the
 * draft of a corrected form. Either way the browser goes back to the quesito
 * (303): a sent reply says so; a refused one is kept in a draft of the
 * operator — its text whole and its admitted files (decision 0019) — which
 * the page shows again at the reply form. A quesito out of reach (another
 * office's) comes back as a notice. Replies count against RATE_LIMIT_REPLIES.
 */
export const POST = routeHandler<OperatorActor, { id: string }>({
  sameOrigin: true,
  actor: signedInOperator,
  signedOut: ({ params }) => seeOther(`${realmPaths.fascicolo.signIn}?callbackUrl=${encodeURIComponent(quesitoPath(params.id))}`),
  rateLimit: { limit: "replies", at: "service" },
  async handle({ request, url, params: { id }, actor, countRequest }) {
    const outcome = await submitFormWithDraft(actor, request, {
      limits: await getReplyUploadLimits(actor, id),
      scope: { purpose: "RISPOSTA_QUESITO", quesitoId: id },
      draftId: url.searchParams.get(DRAFT_FIELD) ?? undefined,
      target: id,
      submit: async (input, files) => {
        // Counted once the form is read: over the limit, the reply is kept in the draft with the reason.
        await countRequest();
        return replyToQuesito(actor, id, input, files);
      },
    });
    if (outcome.ok) return withFlash(id, { tone: "success", message: "Risposta inviata al contribuente." });
    // Only contributors' forms are held on disk (decision 0019): an operator's never is.
    if ("held" in outcome) throw new ServiceUnavailableError();
    return seeOther(`${quesitoPath(id)}?${DRAFT_FIELD}=${outcome.draftId}#${formSectionId("risposta")}`);
  },
  refused: (error, { params }) => withFlash(params.id, refusedFormFlash(error, "risposta", {})),
});
