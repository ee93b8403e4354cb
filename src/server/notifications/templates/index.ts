import type { RequestEventType } from "@/generated/prisma/enums";
import { emailContent, type EmailBody } from "./email-layout";
import { smsText } from "./sms-text";
import type { NotificationTemplate, TemplateParams } from "./types";

export type { EmailContent, NotificationTemplate, TemplateParams } from "./types";

/** What a template says of its event; the layout and the SMS frame add the rest. */
type TemplateWords = {
  name: string;
  version: number;
  email(params: TemplateParams): EmailBody;
  /** The SMS's sentence: the protocol number and what happened, nothing personal. */
  sms(params: TemplateParams): string;
};

function defineTemplate(words: TemplateWords): NotificationTemplate {
  return {
    name: words.name,
    version: words.version,
    email: (params) => emailContent(words.email(params), params),
    sms: (params) => smsText(words.sms(params), params),
  };
}

/**
 * The template each event notifies with; an event without one notifies no one
 * (reassignments and internal notes stay in the office, the contributor's own
 * messages need no notice). A new kind of notice is a template here and an
 * `enqueueNotifications` call where its event is written. Change `version`
 * whenever the wording changes.
 */
export const notificationTemplates: Partial<Record<RequestEventType, NotificationTemplate>> = {
  // The request is registered with its protocol number (F05, F12).
  PROTOCOLLATA: defineTemplate({
    name: "richiesta-protocollata",
    version: 1,
    email: ({ protocolNumber, eventDate }) => ({
      subject: `Richiesta protocollata n. ${protocolNumber}`,
      heading: "La richiesta è stata protocollata",
      paragraphs: [
        `la richiesta inviata con il Cassetto previdenziale è stata protocollata il ${eventDate} con il numero ${protocolNumber}.`,
        "Indica questo numero in ogni comunicazione che riguarda la richiesta.",
      ],
    }),
    sms: ({ protocolNumber }) => `richiesta ${protocolNumber} protocollata.`,
  }),

  // The office writes first (F09, F22): the contributor reads it in the Cassetto.
  COMUNICAZIONE_INVIATA: defineTemplate({
    name: "comunicazione-della-sede",
    version: 1,
    email: ({ protocolNumber, officeName, eventDate }) => ({
      subject: `Comunicazione della sede n. ${protocolNumber}`,
      heading: "Hai una comunicazione della sede INPS",
      paragraphs: [
        `la sede ${officeName} ti ha inviato il ${eventDate} una comunicazione, protocollata con il numero ${protocolNumber}.`,
        "Leggila nel Cassetto previdenziale, tra le Comunicazioni ricevute.",
      ],
    }),
    sms: ({ protocolNumber }) => `comunicazione della sede n. ${protocolNumber}.`,
  }),

  // The request is routed to the competent office, where its quesito waits (F05, F12).
  SMISTATA: defineTemplate({
    name: "richiesta-smistata",
    version: 1,
    email: ({ protocolNumber, officeName }) => ({
      subject: `Richiesta n. ${protocolNumber} assegnata alla sede competente`,
      heading: "La richiesta è stata assegnata alla sede competente",
      paragraphs: [`la richiesta n. ${protocolNumber} è stata smistata alla sede competente, ${officeName}, che la prenderà in carico.`],
    }),
    sms: ({ protocolNumber }) => `richiesta ${protocolNumber} assegnata alla sede competente.`,
  }),

  // An operator of the office starts working on the request.
  PRESA_IN_CARICO: defineTemplate({
    name: "richiesta-presa-in-carico",
    version: 1,
    email: ({ protocolNumber, eventDate, officeName }) => ({
      subject: `Richiesta n. ${protocolNumber} presa in carico`,
      heading: "La richiesta è stata presa in carico",
      paragraphs: [`la richiesta n. ${protocolNumber} è stata presa in carico il ${eventDate} da un operatore della sede ${officeName}.`],
    }),
    sms: ({ protocolNumber }) => `richiesta ${protocolNumber} presa in carico.`,
  }),

  // The office replied. The reply itself is read in the Cassetto, never in the notice.
  RISPOSTA: defineTemplate({
    name: "risposta-della-sede",
    version: 1,
    email: ({ protocolNumber, eventDate, officeName }) => ({
      subject: `Nuova risposta alla richiesta n. ${protocolNumber}`,
      heading: "La sede ha risposto alla richiesta",
      paragraphs: [
        `la sede ${officeName} ha inviato il ${eventDate} una risposta alla richiesta n. ${protocolNumber}.`,
        "Per leggerla, ed eventualmente rispondere, accedi al Cassetto previdenziale.",
      ],
    }),
    sms: ({ protocolNumber }) => `nuova risposta alla richiesta ${protocolNumber}.`,
  }),

  // The office waits for the contributor, or resumes its work.
  STATO_MODIFICATO: defineTemplate({
    name: "richiesta-aggiornata",
    version: 1,
    email: ({ protocolNumber, officeName, awaitingContributor }) => ({
      subject: `Aggiornamento della richiesta n. ${protocolNumber}`,
      heading: awaitingContributor ? "La sede attende un tuo riscontro" : "La sede ha ripreso la lavorazione",
      paragraphs: [
        awaitingContributor
          ? `la sede ${officeName} attende un tuo riscontro sulla richiesta n. ${protocolNumber}: nel Cassetto previdenziale trovi il suo commento e puoi rispondere.`
          : `la sede ${officeName} ha ripreso la lavorazione della richiesta n. ${protocolNumber}.`,
      ],
    }),
    sms: ({ protocolNumber, awaitingContributor }) =>
      awaitingContributor
        ? `per la richiesta ${protocolNumber} la sede attende un tuo riscontro.`
        : `richiesta ${protocolNumber} aggiornata.`,
  }),

  // The office asks the contributor for more, by a deadline; its clock stops until the answer (B4).
  RICHIESTA_INTEGRAZIONE: defineTemplate({
    name: "richiesta-di-integrazione",
    version: 1,
    email: ({ protocolNumber, officeName, integrationDueDate }) => ({
      subject: `Richiesta di integrazione per la richiesta n. ${protocolNumber}`,
      heading: "La sede ti chiede un'integrazione",
      paragraphs: [
        `la sede ${officeName} ti chiede di integrare la richiesta n. ${protocolNumber} entro ${integrationDueDate ?? "il termine indicato"}.`,
        "Nel Cassetto previdenziale trovi che cosa ti viene chiesto e puoi rispondere.",
      ],
    }),
    sms: ({ protocolNumber }) => `la sede chiede un'integrazione per la richiesta ${protocolNumber}.`,
  }),

  // Three working days before the integration's deadline, once (B4).
  PROMEMORIA_INTEGRAZIONE: defineTemplate({
    name: "promemoria-integrazione",
    version: 1,
    email: ({ protocolNumber, officeName, integrationDueDate }) => ({
      subject: `Promemoria: integrazione della richiesta n. ${protocolNumber}`,
      heading: "Ricordati di inviare l'integrazione",
      paragraphs: [
        `la sede ${officeName} attende l'integrazione della richiesta n. ${protocolNumber} entro ${integrationDueDate ?? "il termine indicato"}.`,
        "Puoi rispondere dal Cassetto previdenziale, nella pagina della richiesta.",
      ],
    }),
    sms: ({ protocolNumber }) => `promemoria: integrazione della richiesta ${protocolNumber} in scadenza.`,
  }),

  // The office closed the request with an esito and a comment (F21).
  CHIUSA: defineTemplate({
    name: "richiesta-chiusa",
    version: 1,
    email: ({ protocolNumber, eventDate, officeName, esitoLabel }) => ({
      subject: `Richiesta n. ${protocolNumber} chiusa`,
      heading: "La richiesta è stata chiusa",
      paragraphs: [
        `la sede ${officeName} ha chiuso la richiesta n. ${protocolNumber} il ${eventDate}${esitoLabel ? ` con esito «${esitoLabel}»` : ""}.`,
        "Nel Cassetto previdenziale trovi il commento della sede.",
      ],
    }),
    sms: ({ protocolNumber }) => `richiesta ${protocolNumber} chiusa.`,
  }),
};
