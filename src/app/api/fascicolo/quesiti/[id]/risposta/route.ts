import { refusedFormFlash } from "@/app/_lib/form-flash";
import { seeOther } from "@/app/api/see-other";
import { realmPaths } from "@/server/identity/auth-options";
import { getOperator } from "@/server/identity/session";
import { submitReplyForm } from "@/server/quesiti/submit-reply-form";
import { flashCookie, typedValues, type Flash } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/flash";
import { outcomeLocation, quesitoPath } from "@/app/(fascicolo)/fascicolo/quesiti/_lib/paths";

export const dynamic = "force-dynamic";

/**
 * The office's reply with attachments (multipart): either way the browser
 * goes back to the quesito (303), where the outcome is shown; a refused
 * reply, its files included, comes back with the text that was typed.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const page = quesitoPath(id);
  const operator = await getOperator();
  if (!operator) return seeOther(`${realmPaths.fascicolo.signIn}?callbackUrl=${encodeURIComponent(page)}`);

  const outcome = await submitReplyForm(operator, id, request);
  const flash: Flash = outcome.ok
    ? { tone: "success", message: "Risposta inviata al contribuente." }
    : refusedFormFlash(outcome.error, "risposta", typedValues(Object.entries(outcome.fields)));
  const cookie = flashCookie(flash);
  const response = seeOther(outcomeLocation(page, cookie.token, flash));
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}
