import type { ContactChangeStatus } from "@/generated/prisma/enums";
import { formatRomeDateTime } from "@/lib/rome-dates";
import { contactFieldLabels, preferredChannelLabels } from "@/server/contacts/contact-rules";
import type { ContactHistoryRow } from "@/server/contacts/get-contacts";
import { StatusBadge, TableRegion, type BadgeTone } from "@/ui";

const statusBadges: Record<ContactChangeStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "In attesa del codice", tone: "warning" },
  APPLIED: { label: "In uso", tone: "success" },
  VOIDED: { label: "Annullata", tone: "neutral" },
  EXPIRED: { label: "Codice scaduto", tone: "neutral" },
  VERIFIED: { label: "Verificata: in attesa della Smart-Task", tone: "warning" },
};

function shown(row: ContactHistoryRow, value: string | null): string {
  if (!value) return "—";
  if (row.field === "PREFERRED_CHANNEL" && value in preferredChannelLabels) {
    return preferredChannelLabels[value as keyof typeof preferredChannelLabels];
  }
  return value;
}

/** Every change of one gestione's contacts: when, what, by whom, and whether it is in force. */
export function ContactHistory({ caption, rows }: { caption: string; rows: ContactHistoryRow[] }) {
  return (
    <TableRegion label={caption} className="mt-6">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-neutral-400">
            <th scope="col" className="p-2">
              Quando
            </th>
            <th scope="col" className="p-2">
              Recapito
            </th>
            <th scope="col" className="p-2">
              Prima
            </th>
            <th scope="col" className="p-2">
              Dopo
            </th>
            <th scope="col" className="p-2">
              Da
            </th>
            <th scope="col" className="p-2">
              Stato
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-neutral-300 align-top">
              <th scope="row" className="p-2 font-normal">
                {formatRomeDateTime(row.createdAt)}
              </th>
              <td className="p-2">{contactFieldLabels[row.field]}</td>
              <td className="p-2 break-all">{shown(row, row.oldValue)}</td>
              <td className="p-2 break-all">{shown(row, row.newValue)}</td>
              <td className="p-2">{row.changedBy}</td>
              <td className="p-2">
                <StatusBadge label={statusBadges[row.status].label} tone={statusBadges[row.status].tone} />
                {row.resolvedAt && row.status !== "PENDING" && <p className="mt-1 text-sm">{formatRomeDateTime(row.resolvedAt)}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
