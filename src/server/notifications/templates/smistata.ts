import { emailContent } from "./email-layout";
import { smsText } from "./sms-text";
import type { NotificationTemplate } from "./types";

/** SMISTATA: the request is routed to the competent office, where its quesito waits (F05, F12). */
export const richiestaSmistata: NotificationTemplate = {
  name: "richiesta-smistata",
  version: 1,
  email: (params) =>
    emailContent(
      {
        subject: `Richiesta n. ${params.protocolNumber} assegnata alla sede competente`,
        heading: "La richiesta è stata assegnata alla sede competente",
        paragraphs: [
          `la richiesta n. ${params.protocolNumber} è stata smistata alla sede competente, ${params.officeName}, che la prenderà in carico.`,
        ],
      },
      params,
    ),
  sms: (params) => smsText(`richiesta ${params.protocolNumber} assegnata alla sede competente.`, params),
};
