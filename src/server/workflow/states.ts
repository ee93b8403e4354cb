import type { Esito, QuesitoState, RequestDirection, RequestEventType } from "@/generated/prisma/enums";

/**
 * The states and labels of a request and its quesito, apart from the state
 * machine (lifecycle.ts) so that readers such as the notification templates
 * need not import the machine itself.
 */

/**
 * What the contributor sees; derived from the quesito, so the two never
 * disagree (F08). A communication of the office without a quesito is just
 * RICEVUTA: there is no case to follow.
 */
export type ContributorState = "APERTA" | "IN_CARICO" | "CHIUSA" | "RICEVUTA";

const contributorStates: Record<QuesitoState, ContributorState> = {
  NUOVO: "APERTA",
  IN_LAVORAZIONE: "IN_CARICO",
  IN_ATTESA_CONTRIBUENTE: "IN_CARICO",
  CHIUSO: "CHIUSA",
};

export function contributorStateOf(state: QuesitoState): ContributorState {
  return contributorStates[state];
}

/** The state of a request, or of a communication from the office, whether or not it opened a quesito. */
export function requestStateOf(quesito: { state: QuesitoState } | null): ContributorState {
  return quesito ? contributorStateOf(quesito.state) : "RICEVUTA";
}

/** What the Cassetto says while the office waits for the contributor, as the SMS and e-mail do. */
export const AWAITING_CONTRIBUTOR_NOTICE = "La sede attende un tuo riscontro";

/**
 * The contributor is reminded of an integration this many working days
 * before its deadline (B4); a shorter deadline needs no reminder.
 */
export const INTEGRATION_REMINDER_WORKING_DAYS = 3;

/** The office has asked the contributor something and waits for the answer. */
export function awaitsContributor(quesito: { state: QuesitoState } | null): boolean {
  return quesito?.state === "IN_ATTESA_CONTRIBUENTE";
}

/** The quesito states that show the contributor a given state (for list filters). */
export function quesitoStatesFor(state: ContributorState): QuesitoState[] {
  return (Object.keys(contributorStates) as QuesitoState[]).filter((quesitoState) => contributorStates[quesitoState] === state);
}

export const contributorStateLabels: Record<ContributorState, string> = {
  APERTA: "Aperta",
  IN_CARICO: "In carico",
  CHIUSA: "Chiusa",
  RICEVUTA: "Ricevuta",
};

/** A request the contributor sent, or a communication the office started (F09). */
export const requestDirectionLabels: Record<RequestDirection, string> = {
  DAL_CONTRIBUENTE: "Richiesta",
  DALLA_SEDE: "Comunicazione della sede",
};

export const quesitoStateLabels: Record<QuesitoState, string> = {
  NUOVO: "Nuovo",
  IN_LAVORAZIONE: "In lavorazione",
  IN_ATTESA_CONTRIBUENTE: "In attesa del contribuente",
  CHIUSO: "Chiuso",
};

export const esitoLabels: Record<Esito, string> = {
  ACCOLTA: "Accolta",
  PARZIALMENTE_ACCOLTA: "Parzialmente accolta",
  NON_ACCOLTA: "Non accolta",
  RISPOSTA_FORNITA: "Risposta fornita",
};

export const eventTypeLabels: Record<RequestEventType, string> = {
  PROTOCOLLATA: "Protocollata",
  SMISTATA: "Smistata alla sede competente",
  PRESA_IN_CARICO: "Presa in carico",
  RIASSEGNATA: "Riassegnata",
  RISPOSTA: "Risposta della sede",
  MESSAGGIO_CONTRIBUENTE: "Messaggio del contribuente",
  NOTA_INTERNA: "Nota interna",
  STATO_MODIFICATO: "Stato modificato",
  CHIUSA: "Chiusa",
  COMUNICAZIONE_INVIATA: "Comunicazione inviata dalla sede",
  APPUNTAMENTO_PRENOTATO: "Appuntamento prenotato",
  APPUNTAMENTO_SPOSTATO: "Appuntamento spostato",
  APPUNTAMENTO_ANNULLATO: "Appuntamento annullato",
  APPUNTAMENTO_SVOLTO: "Appuntamento svolto",
  APPUNTAMENTO_NON_PRESENTATO: "Appuntamento: contribuente non presentato",
  RICHIESTA_INTEGRAZIONE: "Richiesta di integrazione",
  PROMEMORIA_INTEGRAZIONE: "Promemoria dell'integrazione inviato",
  SCADENZA_VICINA: "Avviso di scadenza all'operatore",
  SCADENZA_RAGGIUNTA: "Scadenza raggiunta: avvisato il responsabile",
};

/**
 * Events the contributor's history shows. Internal notes and the office's
 * reasons for a reassignment stay in the office.
 */
export const contributorVisibleEventTypes: readonly RequestEventType[] = [
  "COMUNICAZIONE_INVIATA",
  "PROTOCOLLATA",
  "SMISTATA",
  "PRESA_IN_CARICO",
  "RISPOSTA",
  "MESSAGGIO_CONTRIBUENTE",
  "STATO_MODIFICATO",
  "CHIUSA",
  "RICHIESTA_INTEGRAZIONE",
  "PROMEMORIA_INTEGRAZIONE",
  "APPUNTAMENTO_PRENOTATO",
  "APPUNTAMENTO_SPOSTATO",
  "APPUNTAMENTO_ANNULLATO",
  "APPUNTAMENTO_SVOLTO",
  "APPUNTAMENTO_NON_PRESENTATO",
];
