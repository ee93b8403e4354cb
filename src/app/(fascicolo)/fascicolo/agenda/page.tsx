import type { Metadata } from "next";
import Link from "next/link";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import { firstValue, type SearchParams } from "@/app/_lib/search-params";
import { formatRomeLongDay, formatRomeTime } from "@/lib/rome-dates";
import type { AppointmentView } from "@/server/agenda/appointment-view";
import { listOfficeAgenda, type OfficeAgendaDay } from "@/server/agenda/list-office-agenda";
import { appointmentStatusLabels, channelLabels } from "@/server/agenda/labels";
import { REASON_MAX_LENGTH } from "@/server/agenda/schemas";
import { requireOperator } from "@/server/identity/session";
import { Alert, Breadcrumb, Button, PageHeading, SelectField, TableRegion, TextareaField } from "@/ui";
import { OFFICE_AGENDA_PATH, outcomeForm, pageFlash, type Flash } from "./_lib/flash";
import { recordOutcomeAction } from "./actions";

export const metadata: Metadata = { title: "Agenda della sede" };

type Props = { searchParams: Promise<SearchParams> };

const outcomeOptions = [
  { value: "SVOLTO", label: "Svolto" },
  { value: "NON_PRESENTATO", label: "Non presentato" },
  { value: "ANNULLATO_SEDE", label: "Annullato dalla sede" },
];

function OutcomeForm({
  appointment,
  flash,
  giorno,
  vista,
}: {
  appointment: AppointmentView;
  flash: Flash | null;
  giorno: string;
  vista: string;
}) {
  const form = outcomeForm(appointment.id);
  const refused = flash?.form === form && flash.tone === "danger" ? flash : null;
  return (
    <form action={recordOutcomeAction} id={form} className="grid gap-2">
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      <input type="hidden" name="appointmentId" value={appointment.id} />
      <input type="hidden" name="giorno" value={giorno} />
      <input type="hidden" name="vista" value={vista} />
      <SelectField
        id={`outcome-${appointment.id}`}
        name="outcome"
        label="Esito"
        options={outcomeOptions}
        defaultValue={refused?.values?.outcome ?? "SVOLTO"}
        error={refused?.errors?.outcome?.[0]}
      />
      <TextareaField
        id={`reason-${appointment.id}`}
        name="reason"
        label="Motivo dell'annullamento"
        hint="Solo per l'annullamento: il contribuente lo riceverà."
        rows={2}
        limit={REASON_MAX_LENGTH}
        defaultValue={refused?.values?.reason ?? ""}
        error={refused?.errors?.reason?.[0]}
      />
      <Button variant="secondary">Registra l&apos;esito</Button>
    </form>
  );
}

function Day({ day, flash, giorno, vista }: { day: OfficeAgendaDay; flash: Flash | null; giorno: string; vista: string }) {
  const headingId = `giorno-${day.day}`;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="mb-2 text-xl font-semibold first-letter:uppercase">
        {formatRomeLongDay(day.day)}
      </h2>
      {day.closure ? <p className="mb-2">Sede chiusa: {day.closure}.</p> : null}
      {day.appointments.length === 0 ? (
        <p>Nessun appuntamento.</p>
      ) : (
        <TableRegion label={`Appuntamenti di ${formatRomeLongDay(day.day)}`}>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Appuntamenti di {formatRomeLongDay(day.day)}</caption>
            <thead>
              <tr className="border-b-2 border-neutral-300">
                {["Ora", "Contribuente", "Posizione", "Modalità", "Motivo", "Richiesta", "Stato"].map((label) => (
                  <th key={label} scope="col" className="p-2">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {day.appointments.map((appointment) => (
                <tr key={appointment.id} className="border-b border-neutral-200 align-top">
                  <td className="p-2">
                    {formatRomeTime(appointment.startsAt)}–{formatRomeTime(appointment.endsAt)}
                  </td>
                  <td className="p-2">
                    {appointment.holder}
                    {appointment.bookedBy !== appointment.holder ? (
                      <span className="block text-sm">Prenotato da {appointment.bookedBy}</span>
                    ) : null}
                  </td>
                  <td className="p-2">{appointment.position}</td>
                  <td className="p-2">
                    {channelLabels[appointment.channel]}
                    {appointment.phone ? <span className="block text-sm">Tel. {appointment.phone}</span> : null}
                  </td>
                  <td className="p-2 whitespace-pre-wrap">{appointment.reason}</td>
                  <td className="p-2">
                    {appointment.request.quesitoId ? (
                      <Link href={`/fascicolo/quesiti/${appointment.request.quesitoId}`}>{appointment.request.protocolNumber}</Link>
                    ) : (
                      appointment.request.protocolNumber
                    )}
                  </td>
                  <td className="p-2">
                    {appointmentStatusLabels[appointment.status]}
                    {appointment.status === "PRENOTATO" ? (
                      <OutcomeForm appointment={appointment} flash={flash} giorno={giorno} vista={vista} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

export default async function OfficeAgendaPage({ searchParams }: Props) {
  const params = await searchParams;
  const actor = await requireOperator(OFFICE_AGENDA_PATH);
  const agenda = await listOfficeAgenda(actor, { day: firstValue(params.giorno), view: firstValue(params.vista) });
  const flash = await pageFlash(params[FLASH_PARAM]);
  const href = (giorno: string, vista: string) => `${OFFICE_AGENDA_PATH}?giorno=${giorno}&vista=${vista}`;
  const other = agenda.view === "giorno" ? "settimana" : "giorno";
  return (
    <>
      <Breadcrumb items={[{ href: "/fascicolo", label: "Scrivania" }, { label: "Agenda" }]} />
      {flash?.tone === "success" ? <Alert tone="success" title={flash.message} important id={OUTCOME_NOTICE_ID} /> : null}
      <PageHeading
        title={`Agenda della sede ${actor.office.name}`}
        lead={
          agenda.view === "giorno"
            ? `Appuntamenti di ${formatRomeLongDay(agenda.day)}.`
            : `Settimana di ${formatRomeLongDay(agenda.days[0]!.day)}.`
        }
      />
      <nav aria-label="Scegli il periodo" className="flex flex-wrap gap-4">
        <Link href={href(agenda.previous, agenda.view)}>{agenda.view === "giorno" ? "Giorno precedente" : "Settimana precedente"}</Link>
        <Link href={href(agenda.next, agenda.view)}>{agenda.view === "giorno" ? "Giorno successivo" : "Settimana successiva"}</Link>
        <Link href={href(agenda.day, other)}>{other === "giorno" ? "Vista per giorno" : "Vista per settimana"}</Link>
        <Link href={`${OFFICE_AGENDA_PATH}/disponibilita`}>Disponibilità della sede</Link>
      </nav>
      <form method="get" action={OFFICE_AGENDA_PATH} className="mt-4 flex flex-wrap items-end gap-4">
        <input type="hidden" name="vista" value={agenda.view} />
        <label className="grid gap-1">
          <span className="font-semibold">Vai al giorno</span>
          <input type="date" name="giorno" defaultValue={agenda.day} className="min-h-12 rounded-sm border-2 border-neutral-500 px-2" />
        </label>
        <Button variant="secondary">Mostra</Button>
      </form>
      {agenda.days.map((day) => (
        <Day key={day.day} day={day} flash={flash} giorno={agenda.day} vista={agenda.view} />
      ))}
    </>
  );
}
