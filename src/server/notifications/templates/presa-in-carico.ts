import { emailContent } from "./email-layout";
import { smsText } from "./sms-text";
import type { NotificationTemplate } from "./types";

/** PRESA_IN_CARICO: an operator of the office starts working on the request. */
export const richiestaPresaInCarico: NotificationTemplate = {
  name: "richiesta-presa-in-carico",
  version: 1,
  email: (params) =>
    emailContent(
      {
        subject: `Richiesta n. ${params.protocolNumber} presa in carico`,
        heading: "La richiesta è stata presa in carico",
        paragraphs: [
          `la richiesta n. ${params.protocolNumber} è stata presa in carico il ${params.eventDate} da un operatore della sede ${params.officeName}.`,
        ],
      },
      params,
    ),
  sms: (params) => smsText(`richiesta ${params.protocolNumber} presa in carico.`, params),
};
