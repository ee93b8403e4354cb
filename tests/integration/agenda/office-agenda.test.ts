import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addAgendaClosure } from "@/server/agenda/add-agenda-closure";
import { addAgendaWindow, WINDOW_OVERLAPS } from "@/server/agenda/add-agenda-window";
import { bookAppointment } from "@/server/agenda/book-appointment";
import { getAgendaSettings } from "@/server/agenda/get-agenda-settings";
import { removeAgendaWindow, WINDOW_NOT_FOUND } from "@/server/agenda/remove-agenda-window";
import { getBookingOptions } from "@/server/agenda/get-booking-options";
import { sendAppointmentReminders } from "@/server/agenda/send-appointment-reminders";
import { updateAgendaSettings } from "@/server/agenda/update-agenda-settings";
import { getConfig } from "@/server/config";
import { prisma } from "@/server/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { smtpSender } from "@/server/notifications/channels/email";
import { deliverNotification } from "@/server/notifications/deliver-notification";
import type { DeliveryChannels } from "@/server/notifications/channels";
import { openAgenda } from "../../support/agenda-fixtures";
import { createOffice, createOperator } from "../../support/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../../support/smtp-server";
import { contributorActor } from "../../support/quesito-fixtures";
import { createSentRequest, type SentRequest, withStorageAndReferenceData } from "../../support/request-fixtures";
import { resolveOperator } from "@/server/identity/resolve-operator";

withStorageAndReferenceData();

const now = new Date("2026-12-14T08:00:00Z");

async function responsabileOf(officeId: string): Promise<OperatorActor> {
  const operator = await createOperator(officeId, "RESPONSABILE");
  return (await resolveOperator(operator.id))!;
}

describe("the office's availability", () => {
  let sent: SentRequest;
  let responsabile: OperatorActor;

  beforeEach(async () => {
    sent = await createSentRequest({ at: new Date("2026-12-01T10:00:00Z") });
    await prisma.personArchiveContact.create({ data: { personId: sent.holder.id, email: "titolare@example.it" } });
    responsabile = await responsabileOf(sent.office.id);
  });

  it("is set by a RESPONSABILE only: rules and windows the picker then offers", async () => {
    const rules = {
      slotMinutes: "20",
      places: "2",
      minLeadWorkingDays: "1",
      maxDaysAhead: "10",
      cancelCutoffHours: "24",
      maxReschedules: "1",
      address: "",
      videoLink: "",
    };
    await expect(updateAgendaSettings(sent.operator, rules)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      addAgendaWindow(sent.operator, { channel: "TELEFONICO", weekday: "2", start: "09:00", end: "10:00" }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await updateAgendaSettings(responsabile, rules);
    await addAgendaWindow(responsabile, { channel: "TELEFONICO", weekday: "2", start: "09:00", end: "10:00" });
    const overlap = await addAgendaWindow(responsabile, { channel: "TELEFONICO", weekday: "2", start: "09:30", end: "11:00" }).catch(
      (error: unknown) => error,
    );
    expect((overlap as ValidationError).fieldErrors).toEqual({ start: [WINDOW_OVERLAPS] });
    const reversed = await addAgendaWindow(responsabile, { channel: "TELEFONICO", weekday: "2", start: "11:00", end: "10:00" }).catch(
      (error: unknown) => error,
    );
    expect((reversed as ValidationError).fieldErrors.end).toEqual(["L'ora di chiusura deve seguire quella di apertura."]);

    const options = await getBookingOptions(contributorActor(sent.holder), { requestId: sent.requestId }, now);
    expect(options.channels).toEqual(["TELEFONICO"]);
    expect(options.days.map((day) => day.day)).toEqual(["2026-12-15", "2026-12-22"]);
    expect(options.days[0]?.slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      "2026-12-15T08:00:00.000Z",
      "2026-12-15T08:20:00.000Z",
      "2026-12-15T08:40:00.000Z",
    ]);
    expect(options.days[0]?.freePlaces).toBe(6);

    const view = await getAgendaSettings(responsabile, now);
    expect(view.settings).toMatchObject({ slotMinutes: 20, places: 2 });
    expect(view.holidays.map((holiday) => holiday.day)).toContain("2027-03-29");
  });

  it("closes a window of its own office only: another office's is not found, an id that is no UUID refused", async () => {
    const { windowId } = await addAgendaWindow(responsabile, { channel: "TELEFONICO", weekday: "2", start: "09:00", end: "10:00" });
    const otherResponsabile = await responsabileOf((await createOffice()).id);

    const foreign = await removeAgendaWindow(otherResponsabile, { windowId }).catch((error: unknown) => error);
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect((foreign as NotFoundError).message).toBe(WINDOW_NOT_FOUND);
    const malformed = await removeAgendaWindow(responsabile, { windowId: "1 OR 1=1" }).catch((error: unknown) => error);
    expect((malformed as ValidationError).fieldErrors).toEqual({ windowId: ["Fascia oraria non valida."] });
    expect(await prisma.agendaWindow.count({ where: { id: windowId } })).toBe(1);

    await removeAgendaWindow(responsabile, { windowId });
    expect(await prisma.agendaWindow.count({ where: { id: windowId } })).toBe(0);
  });

  it("asks to confirm a closure on a day with bookings, then cancels them with the reason", async () => {
    await openAgenda(sent.office.id);
    const { appointmentId } = await bookAppointment(
      contributorActor(sent.holder),
      { requestId: sent.requestId, channel: "IN_PRESENZA", startsAt: "2026-12-16T08:00:00Z", reason: "Chiarimenti." },
      now,
    );
    const closure = { day: "2026-12-16", reason: "Sciopero dei trasporti" };
    const unconfirmed = await addAgendaClosure(responsabile, closure, now).catch((error: unknown) => error);
    expect((unconfirmed as ValidationError).fieldErrors.confirmed?.[0]).toMatch(/c'è 1 appuntamento prenotato/);
    expect(await prisma.agendaClosure.count({ where: { officeId: sent.office.id } })).toBe(0);

    await expect(addAgendaClosure(responsabile, { ...closure, confirmed: "on" }, now)).resolves.toEqual({ cancelled: 1 });
    expect(await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).toMatchObject({
      status: "ANNULLATO_SEDE",
      cancelReason: "Chiusura della sede: Sciopero dei trasporti",
    });
    const notice = await prisma.notification.findFirstOrThrow({
      where: { requestId: sent.requestId, template: "appuntamento-annullato-sede" },
    });
    expect(notice.body).toContain("Motivo: Chiusura della sede: Sciopero dei trasporti");
    const options = await getBookingOptions(contributorActor(sent.holder), { requestId: sent.requestId, channel: "IN_PRESENZA" }, now);
    expect(options.days.map((day) => day.day)).not.toContain("2026-12-16");
  });
});

describe("reminders and the .ics e-mail", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it("sends each reminder once with several workers at once, and the e-mail carries the .ics", async () => {
    const sent = await createSentRequest({ at: new Date("2026-12-01T10:00:00Z") });
    await prisma.personArchiveContact.create({ data: { personId: sent.holder.id, email: "promemoria@example.it" } });
    await openAgenda(sent.office.id);
    const { appointmentId } = await bookAppointment(
      contributorActor(sent.holder),
      { requestId: sent.requestId, channel: "VIDEOCHIAMATA", startsAt: "2026-12-16T08:00:00Z", reason: "Chiarimenti." },
      now,
    );
    const config = getConfig();
    const dayBefore = new Date("2026-12-15T09:00:00Z");
    expect(await sendAppointmentReminders(prisma, config, new Date("2026-12-15T07:00:00Z"))).toBe(0);
    const runs = await Promise.all(Array.from({ length: 5 }, () => sendAppointmentReminders(prisma, config, dayBefore)));
    expect(runs.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await sendAppointmentReminders(prisma, config, dayBefore)).toBe(0);
    const reminders = await prisma.notification.findMany({ where: { requestId: sent.requestId, template: "appuntamento-promemoria" } });
    expect(reminders).toHaveLength(1);
    expect((await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).reminderSentAt).toEqual(dayBefore);

    const email = smtpSender({ url: smtp.url, from: "noreply@inps.example.it", channel: "EMAIL", pooling: config });
    const channels = { EMAIL: email, PEC: email, SMS: email } as DeliveryChannels;
    const booked = await prisma.notification.findFirstOrThrow({ where: { requestId: sent.requestId, template: "appuntamento-prenotato" } });
    expect(await deliverNotification(prisma, channels, { notificationId: booked.id, lastAttempt: false })).toBe("sent");
    email.close();
    const mail = smtp.received.find((received) => received.envelopeTo.includes("promemoria@example.it"))?.mail;
    const attachment = mail?.attachments.find((item) => item.filename === "appuntamento.ics");
    expect(attachment?.contentType).toBe("text/calendar");
    expect(attachment?.content.toString("utf8")).toContain("LOCATION:https://video.example.it/sede");
  });
});
