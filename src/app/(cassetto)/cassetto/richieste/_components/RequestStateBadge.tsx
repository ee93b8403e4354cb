import type { ContributorState } from "@/server/workflow/states";
import { StatusBadge, type BadgeTone } from "@/ui";

const tones: Record<ContributorState, BadgeTone> = {
  APERTA: "info",
  IN_CARICO: "warning",
  CHIUSA: "success",
  RICEVUTA: "neutral",
};

/** A request's state as the contributor sees it: Aperta, In carico, Chiusa (Ricevuta: a communication of the office). */
export function RequestStateBadge({ state, label }: { state: ContributorState; label: string }) {
  return <StatusBadge tone={tones[state]} label={label} />;
}
