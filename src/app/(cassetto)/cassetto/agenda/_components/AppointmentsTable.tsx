import Link from "next/link";
import { formatRomeDateTime, formatRomeLongDay, formatRomeTime, romeIsoDay } from "@/lib/rome-dates";
import type { AppointmentView } from "@/server/agenda/appointment-view";
import { appointmentStatusLabels, channelLabels } from "@/server/agenda/labels";
import { TableRegion } from "@/ui";

/** "mercoledì 16 dicembre 2026, 09:00–09:30". */
export function appointmentWhen(appointment: { startsAt: Date; endsAt: Date }): string {
  return `${formatRomeLongDay(romeIsoDay(appointment.startsAt))}, ${formatRomeTime(appointment.startsAt)}–${formatRomeTime(appointment.endsAt)}`;
}

/** The contributor's appointments, each linking to its page and to its request. */
export function AppointmentsTable({ caption, rows }: { caption: string; rows: AppointmentView[] }) {
  return (
    <TableRegion label={caption}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-neutral-300">
            <th scope="col" className="p-2">
              Quando
            </th>
            <th scope="col" className="p-2">
              Modalità
            </th>
            <th scope="col" className="p-2">
              Richiesta
            </th>
            <th scope="col" className="p-2">
              Sede
            </th>
            <th scope="col" className="p-2">
              Stato
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-neutral-200">
              <td className="p-2">
                <Link href={`/cassetto/agenda/${row.id}`}>
                  <time dateTime={row.startsAt.toISOString()} title={formatRomeDateTime(row.startsAt)}>
                    {appointmentWhen(row)}
                  </time>
                </Link>
              </td>
              <td className="p-2">{channelLabels[row.channel]}</td>
              <td className="p-2">
                <Link href={`/cassetto/richieste/${row.request.id}`}>{row.request.protocolNumber}</Link>
              </td>
              <td className="p-2">{row.officeName}</td>
              <td className="p-2">{appointmentStatusLabels[row.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
