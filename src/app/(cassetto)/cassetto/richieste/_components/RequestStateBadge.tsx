import { AWAITING_CONTRIBUTOR_NOTICE, type ContributorState } from "@/server/workflow/states";
import { StatusBadge, type BadgeTone } from "@/ui";

const tones: Record<ContributorState, BadgeTone> = {
  APERTA: "info",
  IN_CARICO: "warning",
  CHIUSA: "success",
  RICEVUTA: "neutral",
};

type StateBadgeProps = {
  state: ContributorState;
  label: string;
  awaiting?: boolean;
  esito?: string | null;
};

/** The badges of a request's state, as plain data (the list passes them to its client rows). */
export function requestStateBadges({
  state,
  label,
  awaiting = false,
  esito = null,
}: StateBadgeProps): { tone: BadgeTone; label: string }[] {
  return [
    { tone: tones[state], label },
    ...(esito ? [{ tone: "neutral" as const, label: `Esito: ${esito}` }] : []),
    ...(awaiting ? [{ tone: "warning" as const, label: AWAITING_CONTRIBUTOR_NOTICE }] : []),
  ];
}

/**
 * A request's state as the contributor sees it: Aperta, In carico, Chiusa
 * (Ricevuta: a communication of the office), and, in words rather than colour
 * alone, when the office waits for the contributor; the outcome once closed.
 */
export function RequestStateBadge(props: StateBadgeProps) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {requestStateBadges(props).map((badge) => (
        <StatusBadge key={badge.label} tone={badge.tone} label={badge.label} />
      ))}
    </span>
  );
}
