import { emailContent } from "./email-layout";
import { smsText } from "./sms-text";
import type { NotificationTemplate } from "./types";

/** CHIUSA: the office closed the request with an esito and a comment (F21). */
export const richiestaChiusa: NotificationTemplate = {
  name: "richiesta-chiusa",
  version: 1,
  email: (params) =>
    emailContent(
      {
        subject: `Richiesta n. ${params.protocolNumber} chiusa`,
        heading: "La richiesta è stata chiusa",
        paragraphs: [
          `la sede ${params.officeName} ha chiuso la richiesta n. ${params.protocolNumber} il ${params.eventDate}${params.esitoLabel ? ` con esito «${params.esitoLabel}»` : ""}.`,
          "Nel Cassetto previdenziale trovi il commento della sede.",
        ],
      },
      params,
    ),
  sms: (params) => smsText(`richiesta ${params.protocolNumber} chiusa.`, params),
};
