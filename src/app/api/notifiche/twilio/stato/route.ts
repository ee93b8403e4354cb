import { problemResponse } from "@/server/errors/map-error";
import { recordSmsStatus } from "@/server/notifications/record-sms-status";

export const dynamic = "force-dynamic";

/** Twilio's status callback for the SMS we send; refused (403) without a valid X-Twilio-Signature. */
export async function POST(request: Request): Promise<Response> {
  try {
    const form = await request.formData().catch(() => new FormData());
    const params: Record<string, string> = {};
    for (const [name, value] of form) if (typeof value === "string") params[name] = value;
    await recordSmsStatus({ signature: request.headers.get("x-twilio-signature"), params });
    return new Response(null, { status: 204 });
  } catch (error) {
    return problemResponse(error);
  }
}
