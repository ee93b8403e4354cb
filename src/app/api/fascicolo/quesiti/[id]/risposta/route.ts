import { signedInOperator } from "@/app/_lib/http/actors";
import { refusedFormFlash } from "@/app/_lib/form-flash";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { seeOther } from "@/app/_lib/http/see-other";
import { realmPaths } from "@/server/identity/auth-options";
import type { OperatorActor } from "@/server/identity/actor";
import { submitReplyForm } from "@/app/_lib/http/submit-reply-form";
import { flashCookie, typedValues, type Flash } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/flash";
import { outcomeLocation, quesitoPath } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/paths";

export const dynamic = "force-dynamic";

/**
 * The office's reply with attachments (multipart): either way the browser
 * goes back to the quesito (303), where the outcome is shown; a refused
 * reply, its files included, comes back with the text that was typed.
 */
export const POST = routeHandler<OperatorActor, { id: string }>({
  sameOrigin: true,
  actor: signedInOperator,
  signedOut: ({ params }) =>
    seeOther(`${realmPaths.fascicolo.signIn}?callbackUrl=${encodeURIComponent(quesitoPath(params.id))}`),
  async handle({ request, params: { id }, actor }) {
    const outcome = await submitReplyForm(actor, id, request);
    const flash: Flash = outcome.ok
      ? { tone: "success", message: "Risposta inviata al contribuente." }
      : refusedFormFlash(outcome.error, "risposta", typedValues(Object.entries(outcome.fields)));
    const cookie = flashCookie(flash);
    const response = seeOther(outcomeLocation(quesitoPath(id), cookie.token, flash));
    response.cookies.set(cookie.name, cookie.value, cookie.options);
    return response;
  },
});
