import Link from "next/link";
import { listRequestAppointments } from "@/server/agenda/list-request-appointments";
import type { ContributorActor } from "@/server/identity/actor";
import type { RequestDetail } from "@/server/requests/get-request";
import { buttonClasses, Card } from "@/ui";
import { bookingHref } from "../_lib/flash";
import { AppointmentsTable } from "./AppointmentsTable";

/**
 * The appointments section of a request's page: its appointments and "Prenota un appuntamento" while it may be booked.
 * The request is the page's own read (getRequest): it says whether there is anything to read or book.
 */
export async function RequestAppointments({
  actor,
  request,
}: {
  actor: ContributorActor;
  request: Pick<RequestDetail, "id" | "bookable" | "appointmentCount">;
}) {
  const appointments = await listRequestAppointments(actor, request);
  if (!request.bookable && appointments.length === 0) return null;
  return (
    <div id="appuntamenti">
      <Card title="Appuntamenti con la sede">
        {appointments.length > 0 ? (
          <AppointmentsTable caption="Appuntamenti sulla richiesta" rows={appointments} />
        ) : (
          <p>Nessun appuntamento su questa richiesta.</p>
        )}
        {request.bookable ? (
          <p className="mt-4">
            <Link href={bookingHref({ richiesta: request.id })} className={buttonClasses("secondary")}>
              Prenota un appuntamento
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
