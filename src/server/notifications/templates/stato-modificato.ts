import { emailContent } from "./email-layout";
import { smsText } from "./sms-text";
import type { NotificationTemplate } from "./types";

/** STATO_MODIFICATO: the office waits for the contributor, or resumes its work. */
export const richiestaAggiornata: NotificationTemplate = {
  name: "richiesta-aggiornata",
  version: 1,
  email: (params) =>
    emailContent(
      {
        subject: `Aggiornamento della richiesta n. ${params.protocolNumber}`,
        heading: params.awaitingContributor ? "La sede attende un tuo riscontro" : "La sede ha ripreso la lavorazione",
        paragraphs: [
          params.awaitingContributor
            ? `la sede ${params.officeName} attende un tuo riscontro sulla richiesta n. ${params.protocolNumber}: nel Cassetto previdenziale trovi il suo commento e puoi rispondere.`
            : `la sede ${params.officeName} ha ripreso la lavorazione della richiesta n. ${params.protocolNumber}.`,
        ],
      },
      params,
    ),
  sms: (params) =>
    smsText(
      params.awaitingContributor
        ? `per la richiesta ${params.protocolNumber} la sede attende un tuo riscontro.`
        : `richiesta ${params.protocolNumber} aggiornata.`,
      params,
    ),
};
