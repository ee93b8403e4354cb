import type { Prisma } from "@/generated/prisma/client";
import { formatRomeLongDay } from "@/lib/rome-dates";
import { dueDay } from "@/lib/working-days";
import { fullName } from "@/lib/full-name";
import type { AppConfig } from "@/server/config";
import { addToOutbox, type OutboxMessage } from "@/server/notifications/outbox";
import { publicLink } from "@/server/notifications/public-links";

/** What the office is told about a due date: the assignee before it, the RESPONSABILE on it (B4). */
export type Escalation = "SCADENZA_VICINA" | "SCADENZA_RAGGIUNTA";

export type EscalatedQuesito = {
  id: string;
  requestId: string;
  dueAt: Date;
  protocolNumber: string;
  subjectLabel: string;
  officeName: string;
  assigneeName: string | null;
};

type OperatorRecipient = { givenName: string; familyName: string; email: string };

const TEMPLATE_VERSION = 1;
const templateNames: Record<Escalation, string> = { SCADENZA_VICINA: "scadenza-vicina", SCADENZA_RAGGIUNTA: "scadenza-raggiunta" };

function words(kind: Escalation, quesito: EscalatedQuesito): { subject: string; paragraph: string } {
  const day = formatRomeLongDay(dueDay(quesito.dueAt));
  if (kind === "SCADENZA_VICINA") {
    return {
      subject: `Quesito n. ${quesito.protocolNumber} in scadenza ${day}`,
      paragraph: `il quesito n. ${quesito.protocolNumber} («${quesito.subjectLabel}»), assegnato a te, va evaso entro ${day}.`,
    };
  }
  return {
    subject: `Quesito n. ${quesito.protocolNumber}: termine di risposta raggiunto`,
    paragraph: `il termine di risposta del quesito n. ${quesito.protocolNumber} («${quesito.subjectLabel}») della sede ${quesito.officeName} è ${day}; ${
      quesito.assigneeName ? `è assegnato a ${quesito.assigneeName}` : "non è assegnato a nessun operatore"
    } e non è ancora chiuso.`,
  };
}

/**
 * The office's own notices of a due date, by e-mail to the operators'
 * addresses (operators have no SMS or PEC on file), written to the outbox in
 * the caller's transaction with the event they belong to. Plain text: the
 * contributor's layout speaks to the contributor.
 */
export function enqueueEscalationNotices(
  tx: Prisma.TransactionClient,
  kind: Escalation,
  quesito: EscalatedQuesito,
  eventId: string,
  recipients: OperatorRecipient[],
  config: Pick<AppConfig, "PUBLIC_URL" | "NOTIFICATION_MAX_ATTEMPTS" | "NOTIFICATION_RETRY_DELAY_SECONDS">,
): Promise<string[]> {
  const { subject, paragraph } = words(kind, quesito);
  const link = publicLink(config.PUBLIC_URL, `/fascicolo/quesiti/${quesito.id}`);
  const messages = recipients.map((operator): OutboxMessage => ({
    requestId: quesito.requestId,
    eventId,
    channel: "EMAIL",
    recipient: operator.email,
    template: templateNames[kind],
    templateVersion: TEMPLATE_VERSION,
    subject,
    body: [
      `Gentile ${fullName(operator)},`,
      "",
      paragraph,
      "",
      `Apri il quesito nel Fascicolo: ${link}`,
      "",
      "INPS – Comunicazione Bidirezionale",
      "",
    ].join("\n"),
    htmlBody: null,
  }));
  return addToOutbox(tx, messages, config);
}
