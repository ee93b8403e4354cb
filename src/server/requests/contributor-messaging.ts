import type { QuesitoState } from "@/generated/prisma/enums";
import { allowedActions, transitionRules } from "./lifecycle";

/**
 * Why a contributor may not write on a request whose quesito is in `state`,
 * in the state machine's words; null when they may.
 */
export function contributorMessagingRefusal(state: QuesitoState): string | null {
  if (allowedActions(state, "contributor").includes("MESSAGGIO_CONTRIBUENTE")) return null;
  const rule = transitionRules.MESSAGGIO_CONTRIBUENTE;
  return state === "CHIUSO" ? `La richiesta è chiusa: non è possibile ${rule.refusedWhenClosed}` : rule.refusedInState;
}
