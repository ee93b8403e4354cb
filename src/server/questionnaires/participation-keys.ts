import "server-only";
import { createHmac } from "node:crypto";
import { getConfig } from "@/server/config";

/**
 * The only trace of who took part (decision 0039): HMAC-SHA256 under
 * QUESTIONNAIRE_SECRET of a purpose, the person and what they took part in.
 * Without the secret the key names nobody; the answer rows never hold it.
 */

type Purpose = "risposta" | "invito-chiuso";

export function participationKey(purpose: Purpose, personId: string, ...scope: string[]): string {
  const secret = getConfig().QUESTIONNAIRE_SECRET;
  if (!secret) throw new Error("QUESTIONNAIRE_SECRET mancante: serve a registrare le risposte ai questionari.");
  return createHmac("sha256", secret)
    .update([purpose, personId, ...scope].join("\n"))
    .digest("hex");
}
