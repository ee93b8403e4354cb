import { AWAITING_CONTRIBUTOR_NOTICE, type ContributorState } from "@/server/workflow/states";
import { StatusBadge, type BadgeTone } from "@/ui";

const tones: Record<ContributorState, BadgeTone> = {
  APERTA: "info",
  IN_CARICO: "warning",
  CHIUSA: "success",
  RICEVUTA: "neutral",
};

/**
 * A request's state as the contributor sees it: Aperta, In carico, Chiusa
 * (Ricevuta: a communication of the office), and, in words rather than colour
 * alone, when the office waits for the contributor; the outcome once closed.
 */
export function RequestStateBadge({
  state,
  label,
  awaiting = false,
  esito = null,
}: {
  state: ContributorState;
  label: string;
  awaiting?: boolean;
  esito?: string | null;
}) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <StatusBadge tone={tones[state]} label={label} />
      {esito ? <StatusBadge tone="neutral" label={`Esito: ${esito}`} /> : null}
      {awaiting ? <StatusBadge tone="warning" label={AWAITING_CONTRIBUTOR_NOTICE} /> : null}
    </span>
  );
}
