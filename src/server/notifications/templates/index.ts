import type { RequestEventType } from "@/generated/prisma/enums";
import { richiestaChiusa } from "./chiusa";
import { richiestaPresaInCarico } from "./presa-in-carico";
import { richiestaProtocollata } from "./protocollata";
import { rispostaDellaSede } from "./risposta";
import { richiestaSmistata } from "./smistata";
import { richiestaAggiornata } from "./stato-modificato";
import type { NotificationTemplate } from "./types";

export type { EmailContent, NotificationTemplate, TemplateParams } from "./types";

/**
 * The template each event notifies with; an event without one notifies no one
 * (reassignments and internal notes stay in the office, the contributor's own
 * messages need no notice). A new kind of notice is a template here and an
 * `enqueueNotifications` call where its event is written.
 */
export const notificationTemplates: Partial<Record<RequestEventType, NotificationTemplate>> = {
  PROTOCOLLATA: richiestaProtocollata,
  SMISTATA: richiestaSmistata,
  PRESA_IN_CARICO: richiestaPresaInCarico,
  RISPOSTA: rispostaDellaSede,
  STATO_MODIFICATO: richiestaAggiornata,
  CHIUSA: richiestaChiusa,
};
