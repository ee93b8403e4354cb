import Link from "next/link";
import { getRequestAppointments } from "@/server/agenda/get-request-appointments";
import type { ContributorActor } from "@/server/identity/actor";
import { buttonClasses, Card } from "@/ui";
import { bookingHref } from "../_lib/flash";
import { AppointmentsTable } from "./AppointmentsTable";

/** The appointments section of a request's page: its appointments and "Prenota un appuntamento" while it may be booked. */
export async function RequestAppointments({ actor, requestId }: { actor: ContributorActor; requestId: string }) {
  const { bookable, appointments } = await getRequestAppointments(actor, requestId);
  if (!bookable && appointments.length === 0) return null;
  return (
    <div id="appuntamenti">
      <Card title="Appuntamenti con la sede">
        {appointments.length > 0 ? (
          <AppointmentsTable caption="Appuntamenti sulla richiesta" rows={appointments} />
        ) : (
          <p>Nessun appuntamento su questa richiesta.</p>
        )}
        {bookable ? (
          <p className="mt-4">
            <Link href={bookingHref({ richiesta: requestId })} className={buttonClasses("secondary")}>
              Prenota un appuntamento
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
