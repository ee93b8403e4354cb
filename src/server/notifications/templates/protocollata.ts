import { emailContent } from "./email-layout";
import { smsText } from "./sms-text";
import type { NotificationTemplate } from "./types";

/** PROTOCOLLATA: the request is registered with its protocol number (F05, F12). */
export const richiestaProtocollata: NotificationTemplate = {
  name: "richiesta-protocollata",
  version: 1,
  email: (params) =>
    emailContent(
      {
        subject: `Richiesta protocollata n. ${params.protocolNumber}`,
        heading: "La richiesta è stata protocollata",
        paragraphs: [
          `la richiesta inviata con il Cassetto previdenziale è stata protocollata il ${params.eventDate} con il numero ${params.protocolNumber}.`,
          "Indica questo numero in ogni comunicazione che riguarda la richiesta.",
        ],
      },
      params,
    ),
  sms: (params) => smsText(`richiesta ${params.protocolNumber} protocollata.`, params),
};
