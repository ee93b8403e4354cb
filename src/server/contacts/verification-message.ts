import type { NotificationChannel } from "@/generated/prisma/enums";
import { formatVerificationCode } from "@/server/delegations/verification-code";
import type { OutboxMessage } from "@/server/notifications/outbox";
import { CONTACT_CODE_TTL_MS } from "./contact-rules";

const TEMPLATE = "contact-verification-code";
const VERSION = 1;
const MINUTES = CONTACT_CODE_TTL_MS / 60_000;

/**
 * The message carrying the code to the new address itself: whoever reads it
 * there proves the address is theirs. It names no person and no request.
 */
export function verificationMessage(channel: NotificationChannel, recipient: string, code: string): OutboxMessage {
  const readable = formatVerificationCode(code);
  const base = { requestId: null, eventId: null, channel, recipient, template: TEMPLATE, templateVersion: VERSION };
  if (channel === "SMS") {
    return {
      ...base,
      subject: null,
      htmlBody: null,
      body: `INPS: codice di verifica ${readable} per il nuovo numero nei Contatti. Valido ${MINUTES} minuti.`,
    };
  }
  const paragraphs = [
    `Il codice per confermare questo indirizzo nei Contatti del Cassetto previdenziale è ${readable}.`,
    `Il codice è valido ${MINUTES} minuti. Se la modifica non l'hai chiesta tu, ignora questo messaggio: l'indirizzo non sarà usato.`,
    "Il messaggio è inviato automaticamente: non rispondere a questo indirizzo.",
  ];
  return {
    ...base,
    subject: "Codice di verifica del nuovo indirizzo",
    body: paragraphs.join("\n\n"),
    htmlBody: `<!doctype html><html lang="it"><body>${paragraphs.map((text) => `<p>${text}</p>`).join("")}</body></html>`,
  };
}
