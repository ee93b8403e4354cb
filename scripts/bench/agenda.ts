/**
 * `npm run bench:agenda`: how fast the free slots of an office are computed
 * (what the slot picker asks for every page) for an office with
 * BENCH_PLACES places per slot (default 20), over its 30-day booking window,
 * with BENCH_BOOKINGS appointments already booked (default 5,000), beside
 * the time PostgreSQL alone takes for the SQL of the places taken. Not a
 * test: it prints figures and never fails on them.
 *
 * Starts a throwaway database (embedded PostgreSQL, or on BENCH_SERVER_URL),
 * migrated, with the reference data; opens the office's agenda Monday to
 * Friday 08:00–17:00 on two channels, books the appointments over the free
 * slots of the window (as many places per slot as needed), then runs
 * BENCH_RUNS times (default 50, after 5 of warm-up) the computation through
 * the application (rules, windows, closures, places taken, slots) and the
 * grouped places query straight through node-postgres. Removed at the end.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { daysSpan, loadOfficeAgenda, takenPlaces } from "../../src/server/agenda/agenda-data";
import { bookingWindow, freeAgenda, slotsOfDay, daysBetween } from "../../src/server/agenda/slots";
import { withRelationsLoadedApart } from "../../src/server/db/create-client";
import { createThrowawayDatabase } from "../../src/server/db/throwaway-database";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { percentile, sizeFromEnv } from "./support/numbers";

const PLACES = sizeFromEnv("BENCH_PLACES", 20);
const BOOKINGS = sizeFromEnv("BENCH_BOOKINGS", 5000);
const RUNS = sizeFromEnv("BENCH_RUNS", 50);
const WARM_UP = 5;

const ms = (value: number) => value.toLocaleString("it-IT", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < WARM_UP; index++) await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const database = await createThrowawayDatabase({ label: "bench-agenda", serverUrl: process.env.BENCH_SERVER_URL });
  const prisma = withRelationsLoadedApart(new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) }));
  const sql = new pg.Client({ connectionString: database.url });
  try {
    await sql.connect();
    await seedDatabase(prisma, { includeDemo: false });
    const now = new Date();
    const office = await prisma.office.findFirstOrThrow({ orderBy: { code: "asc" } });
    const subject = await prisma.subject.findFirstOrThrow({ where: { gestione: "AZIENDE", parentId: { not: null } } });
    const person = await prisma.person.create({ data: { codiceFiscale: "BNCHMR80A01H501Z", givenName: "Bench", familyName: "Agenda" } });
    const position = await prisma.position.create({
      data: {
        gestione: "AZIENDE",
        matricola: "9999999999",
        denominazione: "Bench",
        province: "RM",
        holderId: person.id,
        officeId: office.id,
      },
    });
    const request = await prisma.request.create({
      data: { positionId: position.id, subjectId: subject.id, text: "Bench", holderId: person.id, protocolNumber: "BENCH-AGENDA" },
    });
    await prisma.agendaSettings.create({ data: { officeId: office.id, places: PLACES } });
    await prisma.agendaWindow.createMany({
      data: (["IN_PRESENZA", "TELEFONICO"] as const).flatMap((channel) =>
        [1, 2, 3, 4, 5].map((weekday) => ({ officeId: office.id, channel, weekday, startMinute: 8 * 60, endMinute: 17 * 60 })),
      ),
    });

    const agenda = (await loadOfficeAgenda(prisma, office.id))!;
    const { first, last } = bookingWindow(agenda.rules, agenda.closures, now);
    const slots = daysBetween(first, last).flatMap((day) => slotsOfDay(day, agenda.rules, agenda.windows, agenda.closures, new Map()));
    if (slots.length * PLACES < BOOKINGS) throw new Error(`Solo ${slots.length * PLACES} posti nella finestra: ridurre BENCH_BOOKINGS.`);
    const appointments = Array.from({ length: BOOKINGS }, (_, index) => {
      const slot = slots[index % slots.length]!;
      return { id: randomUUID(), slot, placeIndex: Math.floor(index / slots.length) };
    });
    for (let start = 0; start < appointments.length; start += 1000) {
      const batch = appointments.slice(start, start + 1000);
      await prisma.appointment.createMany({
        data: batch.map(({ id, slot }) => ({
          id,
          officeId: office.id,
          requestId: request.id,
          bookedById: person.id,
          actingProfile: "TITOLARE" as const,
          channel: "IN_PRESENZA" as const,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          reason: "Bench",
        })),
      });
      await prisma.appointmentPlace.createMany({
        data: batch.map(({ id, slot, placeIndex }) => ({ officeId: office.id, startsAt: slot.startsAt, placeIndex, appointmentId: id })),
      });
    }
    await sql.query("ANALYZE");

    const span = daysSpan(first, last);
    const app = await timed(async () => {
      const loaded = (await loadOfficeAgenda(prisma, office.id))!;
      const taken = await takenPlaces(prisma, office.id, span.from, span.to);
      return freeAgenda(loaded.rules, loaded.windows, loaded.closures, taken, now, "IN_PRESENZA");
    });
    const raw = await timed(() =>
      sql.query(
        `SELECT "startsAt", count(*) AS taken FROM "AppointmentPlace" WHERE "officeId" = $1::uuid AND "startsAt" >= $2 AND "startsAt" < $3 GROUP BY "startsAt"`,
        [office.id, span.from, span.to],
      ),
    );
    const plan = await sql.query<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT "startsAt", count(*) AS taken FROM "AppointmentPlace" WHERE "officeId" = $1::uuid AND "startsAt" >= $2 AND "startsAt" < $3 GROUP BY "startsAt"`,
      [office.id, span.from, span.to],
    );

    console.log(
      `Agenda: ${PLACES} posti per orario, ${slots.length} orari in ${first} … ${last}, ${BOOKINGS.toLocaleString("it-IT")} appuntamenti; ${RUNS} esecuzioni (ms)`,
    );
    console.log(`${"".padEnd(44)}${"p50".padStart(8)}${"p95".padStart(8)}${"max".padStart(8)}`);
    for (const [label, times] of [
      ["orari liberi (applicazione, 30 giorni)", app],
      ["SQL dei posti occupati (solo PostgreSQL)", raw],
    ] as const) {
      console.log(
        `${label.padEnd(44)}${ms(percentile(times, 0.5)).padStart(8)}${ms(percentile(times, 0.95)).padStart(8)}${ms(times.at(-1)!).padStart(8)}`,
      );
    }
    console.log(`Piano: ${plan.rows.map((row) => row["QUERY PLAN"].trim()).join(" | ")}`);
  } finally {
    await sql.end().catch(() => {});
    await prisma.$disconnect();
    await database.dispose();
  }
}

await main();
