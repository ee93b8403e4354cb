/** Addresses people are sent to, built on PUBLIC_URL (which may carry a path). */

export const TWILIO_STATUS_PATH = "/api/notifiche/twilio/stato";

export function publicLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${path}`;
}

export function requestLinks(publicUrl: string, requestId: string): { requestUrl: string; listUrl: string } {
  return {
    requestUrl: publicLink(publicUrl, `/cassetto/richieste/${requestId}`),
    listUrl: publicLink(publicUrl, "/cassetto/richieste"),
  };
}
