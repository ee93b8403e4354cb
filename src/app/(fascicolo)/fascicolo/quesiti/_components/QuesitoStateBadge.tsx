import type { QuesitoState } from "@/generated/prisma/enums";
import { StatusBadge, type BadgeTone } from "@/ui";

const tones: Record<QuesitoState, BadgeTone> = {
  NUOVO: "info",
  IN_LAVORAZIONE: "warning",
  IN_ATTESA_CONTRIBUENTE: "neutral",
  CHIUSO: "success",
};

export function QuesitoStateBadge({ state, label }: { state: QuesitoState; label: string }) {
  return <StatusBadge label={label} tone={tones[state]} />;
}
