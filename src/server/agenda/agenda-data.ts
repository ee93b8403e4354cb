import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { romeDayEnd, romeDayStart } from "@/lib/rome-dates";
import type { AgendaRules, WeeklyWindow } from "./slots";

type Db = PrismaClient | Prisma.TransactionClient;

export type OfficeAgenda = {
  rules: AgendaRules & { cancelCutoffHours: number; maxReschedules: number; address: string | null; videoLink: string | null };
  windows: WeeklyWindow[];
  /** The office's own closures, by day, with their reason. */
  closures: Map<string, string>;
};

/** An office's booking rules, windows and closures; null when it has not opened its agenda. */
export async function loadOfficeAgenda(db: Db, officeId: string): Promise<OfficeAgenda | null> {
  const [settings, windows, closures] = await Promise.all([
    db.agendaSettings.findUnique({ where: { officeId } }),
    db.agendaWindow.findMany({
      where: { officeId },
      select: { channel: true, weekday: true, startMinute: true, endMinute: true },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
    }),
    db.agendaClosure.findMany({ where: { officeId }, select: { day: true, reason: true } }),
  ]);
  if (!settings) return null;
  return {
    rules: settings,
    windows,
    closures: new Map(closures.map((closure) => [closure.day.toISOString().slice(0, 10), closure.reason])),
  };
}

/**
 * The places taken per slot start between two instants: one grouped scan of
 * the place rows' primary key (officeId, startsAt, placeIndex).
 */
export async function takenPlaces(db: Db, officeId: string, from: Date, to: Date): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<{ startsAt: Date; taken: bigint }[]>`
    SELECT "startsAt", count(*) AS taken FROM "AppointmentPlace"
    WHERE "officeId" = ${officeId}::uuid AND "startsAt" >= ${from} AND "startsAt" < ${to}
    GROUP BY "startsAt"`;
  return new Map(rows.map((row) => [row.startsAt.getTime(), Number(row.taken)]));
}

/** The instants the days `first` … `last` span in Rome. */
export function daysSpan(first: string, last: string): { from: Date; to: Date } {
  return { from: romeDayStart(first), to: romeDayEnd(last) };
}
