/**
 * "Gestione separata – committenti, matricola 1234567890": how a position is
 * named wherever one is chosen or linked. The gestione comes first because two
 * positions of one person may share a matricola (GS professionisti and
 * committenti); the denominazione is added where it helps.
 */
export function positionLabel(
  position: { gestioneLabel: string; matricola: string; denominazione?: string },
  { withDenominazione = false } = {},
): string {
  const named = `${position.gestioneLabel}, matricola ${position.matricola}`;
  return withDenominazione && position.denominazione ? `${named} – ${position.denominazione}` : named;
}
