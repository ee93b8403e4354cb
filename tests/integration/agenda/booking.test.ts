import { beforeEach, describe, expect, it } from "vitest";
import { bookAppointment, SLOT_NOT_BOOKABLE } from "@/server/agenda/book-appointment";
import { cancelAppointment } from "@/server/agenda/cancel-appointment";
import { getAppointment } from "@/server/agenda/get-appointment";
import { getBookingOptions } from "@/server/agenda/get-booking-options";
import { listAppointments } from "@/server/agenda/list-appointments";
import { listOfficeAgenda } from "@/server/agenda/list-office-agenda";
import { listRequestAppointments } from "@/server/agenda/list-request-appointments";
import { recordAppointmentOutcome } from "@/server/agenda/record-appointment-outcome";
import { rescheduleAppointment } from "@/server/agenda/reschedule-appointment";
import { PHONE_REQUIRED, SLOT_NOT_AVAILABLE } from "@/server/agenda/schemas";
import { prisma } from "@/server/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors/domain-errors";
import type { OperatorActor } from "@/server/identity/actor";
import { getQuesito } from "@/server/quesiti/get-quesito";
import { getRequest } from "@/server/requests/get-request";
import { openAgenda } from "../../support/agenda-fixtures";
import { createDelegation, createOffice, createPerson } from "../../support/fixtures";
import { contributorActor, operatorActor } from "../../support/quesito-fixtures";
import { createSentRequest, type SentRequest, withStorageAndReferenceData } from "../../support/request-fixtures";
import { statementsOf } from "../../support/statement-log";

withStorageAndReferenceData();

// Monday 14 December 2026, 09:00 in Rome: the first bookable day is Wednesday 16.
const now = new Date("2026-12-14T08:00:00Z");
const wednesdayAtNine = "2026-12-16T08:00:00.000Z";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe("booking an appointment", () => {
  let sent: SentRequest;
  const holder = () => contributorActor(sent.holder);
  const form = (overrides: Record<string, string> = {}) => ({
    requestId: sent.requestId,
    channel: "IN_PRESENZA",
    startsAt: wednesdayAtNine,
    reason: "Chiarimenti sul versamento di marzo.",
    ...overrides,
  });

  beforeEach(async () => {
    sent = await createSentRequest({ at: new Date("2026-12-01T10:00:00Z") });
    await prisma.personArchiveContact.create({ data: { personId: sent.holder.id, email: "titolare@example.it", mobile: "+393331234567" } });
    await openAgenda(sent.office.id);
  });

  it("offers the free days and slots, books one and notifies the booker's Contatti with an .ics", async () => {
    const options = await getBookingOptions(holder(), { requestId: sent.requestId, channel: "IN_PRESENZA", day: "2026-12-16" }, now);
    expect(options.days[0]).toMatchObject({ day: "2026-12-16", freePlaces: 18 });
    expect(options.day?.slots[0]?.startsAt.toISOString()).toBe(wednesdayAtNine);

    const { appointmentId } = await bookAppointment(holder(), form(), now);
    const appointment = await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId }, include: { place: true } });
    expect(appointment).toMatchObject({
      requestId: sent.requestId,
      officeId: sent.office.id,
      status: "PRENOTATO",
      noticeEmail: "titolare@example.it",
    });
    expect(appointment.place?.placeIndex).toBe(0);

    const notices = await prisma.notification.findMany({ where: { requestId: sent.requestId, template: "appuntamento-prenotato" } });
    const email = notices.find((notice) => notice.channel === "EMAIL");
    expect(email?.recipient).toBe("titolare@example.it");
    expect(email?.subject).toBe("Appuntamento confermato: mercoledì 16 dicembre 2026 alle 09:00");
    expect(email?.icsAttachment).toContain("METHOD:REQUEST");
    expect(email?.icsAttachment).toContain("DTSTART:20261216T080000Z");
    expect(notices.find((notice) => notice.channel === "SMS")?.recipient).toBe("+393331234567");

    const after = await getBookingOptions(holder(), { requestId: sent.requestId, channel: "IN_PRESENZA", day: "2026-12-16" }, now);
    expect(after.day?.slots[0]?.free).toBe(2);
  });

  it("shows a request's appointments on its page, none before the first, and nothing to someone else", async () => {
    const before = await getRequest(holder(), sent.requestId, now);
    expect(before).toMatchObject({ bookable: true, appointmentCount: 0 });
    expect(await listRequestAppointments(holder(), before, now)).toEqual([]);

    const { appointmentId } = await bookAppointment(holder(), form(), now);
    const after = await getRequest(holder(), sent.requestId, now);
    expect(after).toMatchObject({ bookable: true, appointmentCount: 1 });
    const appointments = await listRequestAppointments(holder(), after, now);
    expect(appointments.map((appointment) => appointment.id)).toEqual([appointmentId]);
    expect(appointments[0]?.startsAt.toISOString()).toBe(wednesdayAtNine);

    // The request's page is not found for someone else; its appointments stay under their own access rule besides.
    const stranger = contributorActor(await createPerson("Estraneo"));
    await expect(getRequest(stranger, sent.requestId, now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listRequestAppointments(stranger, after, now)).toEqual([]);
  });

  it("reads a request's page in one statement, its appointments counted in it, and them in a second only when it has some", async () => {
    // The request and its count, then its appointments; the gestioni's settings come from the app server's cache (decision 0050).
    const view = () =>
      statementsOf(async () => {
        const request = await getRequest(holder(), sent.requestId, now);
        return { request, appointments: await listRequestAppointments(holder(), request, now) };
      });
    const read = (statements: string[]) => statements.filter((sql) => !sql.includes('"GestioneSettings"'));

    const without = await view();
    expect(without.result.appointments).toEqual([]);
    expect(read(without.statements)).toHaveLength(1);

    const { appointmentId } = await bookAppointment(holder(), form(), now);
    const withOne = await view();
    expect(withOne.result.appointments.map((appointment) => appointment.id)).toEqual([appointmentId]);
    expect(read(withOne.statements)).toHaveLength(2);
  });

  it("books exactly the places of a slot under 20 concurrent bookings; the others are told the place is gone", async () => {
    const people = await Promise.all(Array.from({ length: 20 }, () => createPerson("Intermediario")));
    await Promise.all(
      people.map((person) => createDelegation({ holderId: sent.holder.id, delegateId: person.id, positionIds: [sent.position.id] })),
    );
    const outcomes = await Promise.allSettled(
      people.map((person) => bookAppointment(contributorActor(person, "INTERMEDIARIO"), form(), now)),
    );
    const booked = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    expect(booked).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(ValidationError);
      expect((reason as ValidationError).fieldErrors.startsAt).toEqual([SLOT_NOT_AVAILABLE]);
    }
    expect(await prisma.appointmentPlace.count({ where: { officeId: sent.office.id, startsAt: new Date(wednesdayAtNine) } })).toBe(3);
    expect(await prisma.appointment.count({ where: { requestId: sent.requestId } })).toBe(3);
  });

  it("refuses forged slots: past, before the notice, beyond the window, off the grid, outside the windows, on a closure", async () => {
    await prisma.agendaClosure.create({
      data: { officeId: sent.office.id, day: new Date("2026-12-17T00:00:00Z"), reason: "Santo patrono" },
    });
    for (const startsAt of [
      "2026-12-11T08:00:00Z", // past
      "2026-12-15T08:00:00Z", // inside the two working days of notice
      "2027-01-20T08:00:00Z", // beyond 30 days
      "2026-12-16T08:10:00Z", // off the 30-minute grid
      "2026-12-16T12:00:00Z", // 13:00, after the window
      "2026-12-19T08:00:00Z", // Saturday, no window
      "2026-12-17T08:00:00Z", // office closure
      "2026-12-25T08:00:00Z", // Christmas
    ]) {
      expect(await refusal(bookAppointment(holder(), form({ startsAt }), now))).toEqual({ startsAt: [SLOT_NOT_BOOKABLE] });
    }
    expect(await prisma.appointment.count({ where: { officeId: sent.office.id } })).toBe(0);
  });

  it("asks for a reason and a valid phone for a call", async () => {
    expect(await refusal(bookAppointment(holder(), form({ channel: "TELEFONICO" }), now))).toEqual({ phone: [PHONE_REQUIRED] });
    const errors = await refusal(bookAppointment(holder(), form({ channel: "TELEFONICO", phone: "12ab", reason: " " }), now));
    expect(errors.phone?.[0]).toMatch(/numero di telefono italiano valido/);
    expect(errors.reason).toEqual(["Scrivere il motivo dell'appuntamento."]);
  });

  it("refuses a request closed more than 30 days ago", async () => {
    await prisma.quesito.update({
      where: { requestId: sent.requestId },
      data: { state: "CHIUSO", closedAt: new Date("2026-11-01T10:00:00Z") },
    });
    await expect(bookAppointment(holder(), form(), now)).rejects.toBeInstanceOf(ConflictError);
    await prisma.quesito.update({ where: { requestId: sent.requestId }, data: { closedAt: new Date("2026-11-20T10:00:00Z") } });
    await expect(bookAppointment(holder(), form(), now)).resolves.toHaveProperty("appointmentId");
  });

  describe("once booked", () => {
    let appointmentId: string;
    beforeEach(async () => {
      ({ appointmentId } = await bookAppointment(holder(), form(), now));
    });

    it("reschedules keeping the request, up to the cap and before the cut-off", async () => {
      await rescheduleAppointment(holder(), { appointmentId, startsAt: "2026-12-16T09:00:00Z", reason: "Impegno di lavoro." }, now);
      await rescheduleAppointment(holder(), { appointmentId, startsAt: "2026-12-18T08:00:00Z", reason: "Altro impegno." }, now);
      const moved = await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId }, include: { place: true } });
      expect(moved).toMatchObject({ requestId: sent.requestId, rescheduleCount: 2, startsAt: new Date("2026-12-18T08:00:00Z") });
      expect(moved.place?.startsAt).toEqual(new Date("2026-12-18T08:00:00Z"));
      expect(await prisma.appointmentPlace.count({ where: { officeId: sent.office.id } })).toBe(1);

      const capped = await refusal(
        rescheduleAppointment(holder(), { appointmentId, startsAt: "2026-12-21T08:00:00Z", reason: "Ancora." }, now),
      );
      expect(capped.startsAt?.[0]).toMatch(/già stato spostato 2 volte/);

      const late = new Date("2026-12-17T09:00:00Z");
      await prisma.appointment.update({ where: { id: appointmentId }, data: { rescheduleCount: 0 } });
      const afterCutoff = await refusal(
        rescheduleAppointment(holder(), { appointmentId, startsAt: "2026-12-22T08:00:00Z", reason: "Tardi." }, late),
      );
      expect(afterCutoff.startsAt?.[0]).toMatch(/^Non è più possibile spostarlo: il termine era il 17\/12\/2026, 09:00/);
    });

    it("cancels only with a reason and before the cut-off, freeing the place", async () => {
      expect(await refusal(cancelAppointment(holder(), { appointmentId, reason: "" }, now))).toEqual({
        reason: ["Scrivere il motivo dell'annullamento."],
      });
      const late = await refusal(cancelAppointment(holder(), { appointmentId, reason: "Non posso." }, new Date("2026-12-15T09:00:00Z")));
      expect(late.reason?.[0]).toMatch(/^Non è più possibile annullarlo/);
      await cancelAppointment(holder(), { appointmentId, reason: "Risolto per altra via." }, now);
      expect(await prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).toMatchObject({
        status: "ANNULLATO_CONTRIBUENTE",
        cancelReason: "Risolto per altra via.",
      });
      expect(await prisma.appointmentPlace.count({ where: { officeId: sent.office.id } })).toBe(0);
      const ics = await prisma.notification.findFirstOrThrow({
        where: { requestId: sent.requestId, template: "appuntamento-annullato-contribuente", channel: "EMAIL" },
      });
      expect(ics.icsAttachment).toContain("METHOD:CANCEL");
    });

    it("keeps someone else's appointment out of reach, and a delegate's once the delegation ends", async () => {
      const stranger = contributorActor(await createPerson("Estraneo"));
      await expect(getAppointment(stranger, appointmentId, now)).rejects.toBeInstanceOf(NotFoundError);
      await expect(cancelAppointment(stranger, { appointmentId, reason: "Prova." }, now)).rejects.toBeInstanceOf(NotFoundError);

      const delegate = await createPerson("Intermediario");
      const delegation = await createDelegation({ holderId: sent.holder.id, delegateId: delegate.id, positionIds: [sent.position.id] });
      const asDelegate = contributorActor(delegate, "INTERMEDIARIO");
      expect((await listAppointments(asDelegate, now)).upcoming.map((item) => item.id)).toEqual([appointmentId]);
      await prisma.delegation.update({ where: { id: delegation.id }, data: { validTo: new Date("2026-12-13T00:00:00Z") } });
      expect((await listAppointments(asDelegate, now)).upcoming).toEqual([]);
      await expect(getAppointment(asDelegate, appointmentId, now)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("shows the office's agenda only to its operators, who record the outcome; both histories show it", async () => {
      const otherOffice = await createOffice();
      const outsider: OperatorActor = await operatorActor(otherOffice.id);
      expect((await listOfficeAgenda(outsider, { day: "2026-12-16" }, now)).days[0]?.appointments).toEqual([]);
      await expect(recordAppointmentOutcome(outsider, { appointmentId, outcome: "SVOLTO" }, now)).rejects.toBeInstanceOf(NotFoundError);

      const week = await listOfficeAgenda(sent.operator, { day: "2026-12-16", view: "settimana" }, now);
      expect(week.days.map((day) => day.day)).toEqual([
        "2026-12-14",
        "2026-12-15",
        "2026-12-16",
        "2026-12-17",
        "2026-12-18",
        "2026-12-19",
        "2026-12-20",
      ]);
      expect(week.days[2]?.appointments[0]).toMatchObject({
        id: appointmentId,
        channel: "IN_PRESENZA",
        reason: "Chiarimenti sul versamento di marzo.",
      });

      await recordAppointmentOutcome(sent.operator, { appointmentId, outcome: "SVOLTO" }, new Date("2026-12-16T08:30:00Z"));
      await expect(recordAppointmentOutcome(sent.operator, { appointmentId, outcome: "NON_PRESENTATO" }, now)).rejects.toBeInstanceOf(
        ConflictError,
      );

      const labels = (await getRequest(holder(), sent.requestId, new Date("2026-12-16T09:00:00Z"))).history.map((entry) => entry.label);
      expect(labels).toEqual(expect.arrayContaining(["Appuntamento prenotato", "Appuntamento svolto"]));
      const quesito = await prisma.quesito.findUniqueOrThrow({ where: { requestId: sent.requestId } });
      const officeHistory = (await getQuesito(sent.operator, quesito.id, "/fascicolo/quesiti")).history.map((entry) => entry.typeLabel);
      expect(officeHistory).toEqual(expect.arrayContaining(["Appuntamento prenotato", "Appuntamento svolto"]));
    });

    it("lets the office cancel with a reason the contributor receives", async () => {
      const missing = await refusal(recordAppointmentOutcome(sent.operator, { appointmentId, outcome: "ANNULLATO_SEDE" }, now));
      expect(missing.reason?.[0]).toMatch(/il contribuente lo riceverà/);
      await recordAppointmentOutcome(sent.operator, { appointmentId, outcome: "ANNULLATO_SEDE", reason: "Operatore assente." }, now);
      const notice = await prisma.notification.findFirstOrThrow({
        where: { requestId: sent.requestId, template: "appuntamento-annullato-sede", channel: "EMAIL" },
      });
      expect(notice.body).toContain("Motivo: Operatore assente.");
      expect(await prisma.appointmentPlace.count({ where: { officeId: sent.office.id } })).toBe(0);
    });
  });
});
