import { ANONYMOUS } from "@/app/_lib/http/caller";
import { routeHandler } from "@/app/_lib/http/route-handler";
import { readUrlEncodedForm } from "@/app/_lib/http/url-encoded-form";
import { recordSmsStatus } from "@/server/notifications/record-sms-status";

export const dynamic = "force-dynamic";

/** Twilio's callbacks take a few hundred bytes: a larger body is not one, and is not read to its end. */
const MAX_CALLBACK_BYTES = 16 * 1024;

/**
 * Twilio's status callback for the SMS we send: refused (problem+json) unless
 * it is a form signed by Twilio. No cookie authenticates it, so no origin is
 * checked: Twilio's servers send none, and the signature is the proof.
 */
export const POST = routeHandler({
  sameOrigin: false,
  actor: async () => ANONYMOUS,
  async handle({ request }) {
    const params = await readUrlEncodedForm(request, {
      maxBytes: MAX_CALLBACK_BYTES,
      notAForm: "La notifica di stato deve essere inviata come modulo (application/x-www-form-urlencoded).",
      tooLarge: `La notifica di stato supera i ${MAX_CALLBACK_BYTES / 1024} KB ammessi.`,
    });
    await recordSmsStatus(params, request.headers.get("x-twilio-signature"));
    return new Response(null, { status: 204 });
  },
});
