/** What every notification template may say: facts of the request and of its event, never its text. */
export type TemplateParams = {
  protocolNumber: string;
  /** The subject of the request, "Area – Oggetto". */
  subjectLabel: string;
  officeName: string;
  /** The state the contributor sees after the event (Aperta, In carico, Chiusa). */
  stateLabel: string;
  /** Set on closure. */
  esitoLabel: string | null;
  /** The office waits for the contributor (a state change to IN_ATTESA_CONTRIBUENTE). */
  awaitingContributor: boolean;
  /** The contributor's deadline for an integration the office asked for, "lunedì 21 dicembre 2026" (B4). */
  integrationDueDate: string | null;
  /** When the event happened, as people in Italy read it. */
  eventDate: string;
  /** PUBLIC_URL + /cassetto/richieste/<id>. */
  requestUrl: string;
  /** PUBLIC_URL + /cassetto/richieste: the shorter link an SMS falls back to. */
  listUrl: string;
};

export type EmailContent = { subject: string; text: string; html: string };

/**
 * One notification of one kind of event, for e-mail and PEC (subject, text
 * and HTML) and for SMS (a short text with only the protocol number and a
 * link). `version` changes whenever the wording does; each Notification
 * records the name and the version it was rendered with.
 */
export type NotificationTemplate = {
  name: string;
  version: number;
  email(params: TemplateParams): EmailContent;
  sms(params: TemplateParams): string;
};
