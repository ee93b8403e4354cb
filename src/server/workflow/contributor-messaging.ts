import type { Esito, QuesitoState } from "@/generated/prisma/enums";
import { allowedActions, transitionRules } from "./lifecycle";

/** A communication of the office that opened no quesito: there is no case to write on. */
export const NO_REPLY_EXPECTED = "Questa comunicazione della sede non prevede una risposta.";

/**
 * Why a contributor may not write on a request whose quesito is in `state`
 * (null: it has none), in the state machine's words; null when they may. A
 * communication closed without an esito was closed when sent: no answer was
 * expected (an operator's closure always gives one; decision 0021).
 */
export function contributorMessagingRefusal(
  quesito: { state: QuesitoState; esito: Esito | null } | null,
  fromOffice = false,
): string | null {
  if (quesito === null || (fromOffice && quesito.state === "CHIUSO" && quesito.esito === null)) return NO_REPLY_EXPECTED;
  const { state } = quesito;
  if (allowedActions(state, "contributor").includes("MESSAGGIO_CONTRIBUENTE")) return null;
  const rule = transitionRules.MESSAGGIO_CONTRIBUENTE;
  return state === "CHIUSO" ? `La richiesta è chiusa: non è possibile ${rule.refusedWhenClosed}` : rule.refusedInState;
}
