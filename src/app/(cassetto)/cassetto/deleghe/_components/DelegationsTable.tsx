import type { ReactNode } from "react";
import type { DelegationKind, DelegationStatus } from "@/generated/prisma/enums";
import { formatRomeDate, formatRomeDateTime } from "@/lib/rome-dates";
import type { DelegationSummary } from "@/server/delegations/list-delegations";
import { StatusBadge, TableRegion, type BadgeTone } from "@/ui";

const kindLabels: Record<DelegationKind, string> = {
  INTERMEDIARIO: "Intermediario",
  DIPENDENTE: "Dipendente",
};

const statusBadges: Record<DelegationStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "In attesa di conferma", tone: "warning" },
  ACTIVE: { label: "Attiva", tone: "success" },
  REVOKED: { label: "Revocata", tone: "neutral" },
  REJECTED: { label: "Rifiutata", tone: "neutral" },
  EXPIRED: { label: "Scaduta", tone: "neutral" },
};

/** What a pending request waits for, in words. */
function pendingStage(delegation: DelegationSummary): string | null {
  const { pending } = delegation;
  if (!pending) return null;
  const requested = `Richiesta il ${formatRomeDateTime(pending.requestedAt)}.`;
  if (pending.stage === "awaiting-holder") return `${requested} In attesa dell'accettazione del titolare.`;
  if (pending.stage === "code-expired")
    return `${requested} Accettata; il codice di verifica è scaduto: il titolare può generarne uno nuovo.`;
  const attempts = pending.attemptsLeft === 1 ? "resta 1 tentativo" : `restano ${pending.attemptsLeft} tentativi`;
  return `${requested} Accettata dal titolare: in attesa del codice di verifica (valido fino al ${formatRomeDateTime(pending.codeExpiresAt)}, ${attempts}).`;
}

function StatusCell({ delegation }: { delegation: DelegationSummary }) {
  const badge = statusBadges[delegation.status];
  const stage = pendingStage(delegation);
  return (
    <>
      <StatusBadge label={badge.label} tone={badge.tone} />
      {stage && <p className="mt-1 text-sm">{stage}</p>}
      {delegation.revokedAt && (
        <p className="mt-1 text-sm">
          Revocata il {formatRomeDateTime(delegation.revokedAt)}
          {delegation.revokedReason ? `: ${delegation.revokedReason}` : ""}
        </p>
      )}
      {delegation.rejectedAt && (
        <p className="mt-1 text-sm">
          Rifiutata il {formatRomeDateTime(delegation.rejectedAt)}
          {delegation.rejectedReason ? `: ${delegation.rejectedReason}` : ""}
        </p>
      )}
    </>
  );
}

/**
 * Delegations as a table: the other party, kind, status, positions and
 * period, and an optional last column with what the actor can do.
 */
export function DelegationsTable({
  caption,
  delegations,
  actionsHeading,
  actions,
}: {
  caption: string;
  delegations: DelegationSummary[];
  actionsHeading?: string;
  actions?: (delegation: DelegationSummary) => ReactNode;
}) {
  const otherHeading = delegations[0]?.side === "holder" ? "Delegato" : "Titolare";
  return (
    <TableRegion label={caption} className="mt-6">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-neutral-400">
            <th scope="col" className="p-2">
              {otherHeading}
            </th>
            <th scope="col" className="p-2">
              Tipo
            </th>
            <th scope="col" className="p-2">
              Stato
            </th>
            <th scope="col" className="p-2">
              Posizioni
            </th>
            <th scope="col" className="p-2">
              Dal
            </th>
            <th scope="col" className="p-2">
              Al
            </th>
            {actions && (
              <th scope="col" className="p-2">
                {actionsHeading}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {delegations.map((delegation) => {
            const other = delegation.side === "holder" ? delegation.delegate : delegation.holder;
            return (
              <tr key={delegation.id} className="border-b border-neutral-300 align-top">
                <th scope="row" className="p-2 font-normal">
                  <span className="font-semibold">{other.name}</span>
                  <br />
                  <span className="font-mono text-sm">{other.codiceFiscale}</span>
                </th>
                <td className="p-2">{kindLabels[delegation.kind]}</td>
                <td className="p-2">
                  <StatusCell delegation={delegation} />
                </td>
                <td className="p-2">
                  <ul>
                    {delegation.positions.map((position) => (
                      <li key={position.id}>
                        {position.denominazione} <span className="font-mono text-sm">({position.matricola})</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="p-2">{delegation.pending ? "Dall'attivazione" : formatRomeDate(delegation.validFrom)}</td>
                <td className="p-2">{delegation.validTo ? formatRomeDate(delegation.validTo) : "Senza scadenza"}</td>
                {actions && <td className="p-2">{actions(delegation) ?? "—"}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
