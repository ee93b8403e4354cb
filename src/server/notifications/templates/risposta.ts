import { emailContent } from "./email-layout";
import { smsText } from "./sms-text";
import type { NotificationTemplate } from "./types";

/** RISPOSTA: the office replied. The reply itself is read in the Cassetto, never in the notice. */
export const rispostaDellaSede: NotificationTemplate = {
  name: "risposta-della-sede",
  version: 1,
  email: (params) =>
    emailContent(
      {
        subject: `Nuova risposta alla richiesta n. ${params.protocolNumber}`,
        heading: "La sede ha risposto alla richiesta",
        paragraphs: [
          `la sede ${params.officeName} ha inviato il ${params.eventDate} una risposta alla richiesta n. ${params.protocolNumber}.`,
          "Per leggerla, ed eventualmente rispondere, accedi al Cassetto previdenziale.",
        ],
      },
      params,
    ),
  sms: (params) => smsText(`nuova risposta alla richiesta ${params.protocolNumber}.`, params),
};
