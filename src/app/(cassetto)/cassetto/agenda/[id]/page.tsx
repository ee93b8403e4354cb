import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FLASH_PARAM, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import type { SearchParams } from "@/app/_lib/search-params";
import { getAppointment, type AppointmentDetail } from "@/server/agenda/get-appointment";
import { appointmentStatusLabels, channelLabels } from "@/server/agenda/labels";
import { REASON_MAX_LENGTH } from "@/server/agenda/schemas";
import { NotFoundError } from "@/server/errors/domain-errors";
import { requireContributor } from "@/server/identity/session";
import { Alert, Breadcrumb, Button, buttonClasses, Card, DescriptionList, PageHeading, TextareaField, type DescriptionRow } from "@/ui";
import { appointmentWhen } from "../_components/AppointmentsTable";
import { bookingHref, pageFlash, type Flash } from "../_lib/flash";
import { cancelAppointmentAction } from "../actions";

export const metadata: Metadata = { title: "Appuntamento" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

function details(appointment: AppointmentDetail): DescriptionRow[] {
  const rows: DescriptionRow[] = [
    ["Quando", appointmentWhen(appointment)],
    ["Modalità", channelLabels[appointment.channel]],
    ["Sede", appointment.officeName],
  ];
  if (appointment.place) rows.push([appointment.channel === "VIDEOCHIAMATA" ? "Collegamento" : "Indirizzo", appointment.place]);
  if (appointment.phone) rows.push(["Telefono per la chiamata", appointment.phone]);
  rows.push(
    [
      "Richiesta",
      <Link key="richiesta" href={`/cassetto/richieste/${appointment.request.id}`}>
        {appointment.request.protocolNumber}
      </Link>,
    ],
    ["Motivo", appointment.reason],
    ["Stato", appointmentStatusLabels[appointment.status]],
  );
  if (appointment.cancelReason) rows.push(["Motivo dell'annullamento", appointment.cancelReason]);
  return rows;
}

function CancelForm({ appointment, flash }: { appointment: AppointmentDetail; flash: Flash | null }) {
  const refused = flash?.form === "annullamento" && flash.tone === "danger" ? flash : null;
  return (
    <form action={cancelAppointmentAction} id="annullamento" className="grid max-w-2xl gap-4">
      {refused ? <Alert tone="danger">{refused.message}</Alert> : null}
      <input type="hidden" name="appointmentId" value={appointment.id} />
      <TextareaField
        name="reason"
        label="Motivo dell'annullamento"
        hint="La sede lo leggerà nella cronologia della richiesta."
        rows={3}
        limit={REASON_MAX_LENGTH}
        required
        defaultValue={refused?.values?.reason ?? ""}
        error={refused?.errors?.reason?.[0]}
      />
      <Button variant="danger">Annulla l&apos;appuntamento</Button>
    </form>
  );
}

export default async function AppointmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireContributor(`/cassetto/agenda/${id}`);
  let appointment: AppointmentDetail;
  try {
    appointment = await getAppointment(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const flash = await pageFlash((await searchParams)[FLASH_PARAM]);
  return (
    <>
      <Breadcrumb
        items={[
          { href: "/cassetto", label: "Cassetto previdenziale" },
          { href: "/cassetto/agenda", label: "Agenda appuntamenti" },
          { label: "Appuntamento" },
        ]}
      />
      {flash?.tone === "success" ? <Alert tone="success" title={flash.message} important id={OUTCOME_NOTICE_ID} /> : null}
      <PageHeading
        title={`Appuntamento del ${appointmentWhen(appointment)}`}
        lead={`Con la sede ${appointment.officeName}, sulla richiesta ${appointment.request.protocolNumber}.`}
      />
      <div className="space-y-8">
        <Card title="Dettagli">
          <DescriptionList rows={details(appointment)} />
        </Card>
        {appointment.status === "PRENOTATO" ? (
          <Card title="Sposta o annulla">
            {appointment.rescheduleRefusal ? (
              <p className="mb-4">{appointment.rescheduleRefusal}</p>
            ) : (
              <p className="mb-6">
                <Link href={bookingHref({ appuntamento: appointment.id })} className={buttonClasses("secondary")}>
                  Sposta l&apos;appuntamento
                </Link>
              </p>
            )}
            {appointment.cancelRefusal ? <p>{appointment.cancelRefusal}</p> : <CancelForm appointment={appointment} flash={flash} />}
          </Card>
        ) : null}
      </div>
    </>
  );
}
