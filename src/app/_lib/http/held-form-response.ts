import { getUncheckedRealmSubject } from "@/server/identity/session";
import { receiveAndHoldForm, type HeldForm, type HoldInput } from "@/server/drafts/held-forms";
import { heldFormPage } from "./held-form-page";

const RETRY_AFTER_SECONDS = 30;

/** The 503 answer to a form held while the database did not answer: the page that sends it again. */
export function heldFormResponse(held: HeldForm): Response {
  return new Response(heldFormPage(held), {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" },
  });
}

/**
 * For a route whose database did not answer before the form could be read
 * (signing in the actor, reading the limits): reads the form now and keeps
 * it for the person signed in, answering the page above; null when the body
 * was already read or nobody is signed in.
 */
export async function holdFormWhileUnavailable(
  request: Request,
  input: Pick<HoldInput, "purpose" | "target" | "draftId"> & { heldReference?: string },
): Promise<Response | null> {
  if (request.bodyUsed) return null;
  // The session table is in the unavailable database: the signed cookie says who.
  const personId = await getUncheckedRealmSubject("cassetto");
  if (!personId) return null;
  return heldFormResponse(await receiveAndHoldForm(personId, request, input));
}
