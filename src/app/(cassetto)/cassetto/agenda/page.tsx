import type { Metadata } from "next";
import { listAppointments } from "@/server/agenda/list-appointments";
import { requireContributor } from "@/server/identity/session";
import { Breadcrumb, PageHeading } from "@/ui";
import { AppointmentsTable } from "./_components/AppointmentsTable";
import { AGENDA_PATH } from "./_lib/flash";

export const metadata: Metadata = { title: "Agenda appuntamenti" };

export default async function AgendaPage() {
  const actor = await requireContributor(AGENDA_PATH);
  const { upcoming, past } = await listAppointments(actor);
  return (
    <>
      <Breadcrumb items={[{ href: "/cassetto", label: "Cassetto previdenziale" }, { label: "Agenda appuntamenti" }]} />
      <PageHeading
        title="Agenda appuntamenti"
        lead="Gli appuntamenti con la sede, ciascuno su una richiesta o una comunicazione. Per prenotarne uno apri la richiesta e scegli «Prenota un appuntamento»."
      />
      <section aria-labelledby="prossimi" className="mt-8">
        <h2 id="prossimi" className="mb-4 text-2xl font-semibold">
          Prossimi appuntamenti
        </h2>
        {upcoming.length > 0 ? (
          <AppointmentsTable caption="Prossimi appuntamenti" rows={upcoming} />
        ) : (
          <p>Nessun appuntamento in programma.</p>
        )}
      </section>
      <section aria-labelledby="passati" className="mt-10">
        <h2 id="passati" className="mb-4 text-2xl font-semibold">
          Appuntamenti passati o annullati
        </h2>
        {past.length > 0 ? (
          <AppointmentsTable caption="Appuntamenti passati o annullati" rows={past} />
        ) : (
          <p>Nessun appuntamento passato.</p>
        )}
      </section>
    </>
  );
}
