import { problemResponse } from "@/server/errors/map-error";
import { recordSmsStatus } from "@/server/notifications/record-sms-status";

export const dynamic = "force-dynamic";

/** Twilio's status callback for the SMS we send: refused (problem+json) unless it is a form signed by Twilio. */
export async function POST(request: Request): Promise<Response> {
  try {
    await recordSmsStatus(request);
    return new Response(null, { status: 204 });
  } catch (error) {
    return problemResponse(error);
  }
}
