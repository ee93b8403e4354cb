import "server-only";
import { romeIsoDay } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import { ValidationError } from "@/server/errors/domain-errors";
import { parseInput } from "@/server/errors/parse-input";
import type { OperatorActor } from "@/server/identity/actor";
import { daysSpan } from "./agenda-data";
import { openAgendaSettings } from "./agenda-defaults";
import { requireAgendaManager } from "./agenda-manager";
import { cancelBooking } from "./appointment-history";
import { nationalHolidayOn } from "@/lib/italian-holidays";
import { agendaClosureSchema } from "./schemas";

/** The field message asking to confirm a closure on a day with bookings. */
export function confirmClosureMessage(count: number): string {
  const bookings = count === 1 ? "c'è 1 appuntamento prenotato" : `ci sono ${count} appuntamenti prenotati`;
  return `In quel giorno ${bookings}: confermare la chiusura per annullarli; ogni contribuente riceverà il motivo.`;
}

/**
 * A RESPONSABILE closes the office on a day (patron saint, extraordinary
 * closure) with a reason. A day with bookings asks for confirmation first
 * (a field message on `confirmed`); confirmed, each booking is cancelled by
 * the office, its place freed, and its contributor notified with the reason,
 * all with the closure in one transaction.
 */
export async function addAgendaClosure(
  actor: OperatorActor,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ cancelled: number }> {
  requireAgendaManager(actor);
  const data = parseInput(agendaClosureSchema, input);
  if (Number.isNaN(Date.parse(`${data.day}T00:00:00Z`))) throw new ValidationError({ day: ["Indicare un giorno esistente."] });
  if (data.day <= romeIsoDay(now)) throw new ValidationError({ day: ["Indicare un giorno futuro."] });
  const holiday = nationalHolidayOn(data.day);
  if (holiday) throw new ValidationError({ day: [`Il giorno è già festivo (${holiday}): l'agenda è chiusa.`] });
  const officeId = actor.office.id;
  const span = daysSpan(data.day, data.day);

  return prisma.$transaction(async (tx) => {
    await openAgendaSettings(tx, officeId);
    // One change of the office's closures at a time.
    await tx.$queryRaw`SELECT 1 FROM "AgendaSettings" WHERE "officeId" = ${officeId}::uuid FOR UPDATE`;
    const existing = await tx.agendaClosure.findUnique({ where: { officeId_day: { officeId, day: new Date(`${data.day}T00:00:00Z`) } } });
    if (existing) throw new ValidationError({ day: ["La sede è già chiusa in quel giorno."] });
    await tx.agendaClosure.create({ data: { officeId, day: new Date(`${data.day}T00:00:00Z`), reason: data.reason, createdAt: now } });
    const booked = await tx.appointment.findMany({
      where: { officeId, status: "PRENOTATO", startsAt: { gte: span.from, lt: span.to } },
      select: { id: true, requestId: true, channel: true, startsAt: true },
    });
    if (booked.length > 0 && !data.confirmed) {
      const message = confirmClosureMessage(booked.length);
      throw new ValidationError({ confirmed: [message] }, message);
    }
    const reason = `Chiusura della sede: ${data.reason}`;
    for (const appointment of booked) await cancelBooking(tx, appointment, { actor, reason, at: now });
    return { cancelled: booked.length };
  });
}
