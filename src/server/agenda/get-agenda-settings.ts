import "server-only";
import type { AppointmentChannel } from "@/generated/prisma/enums";
import { addIsoDays, romeIsoDay } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { managesAgenda } from "./agenda-manager";
import { nationalHolidays } from "@/lib/italian-holidays";

export type AgendaSettingsView = {
  editable: boolean;
  /** Null until the office opens its agenda (the form shows the defaults). */
  settings: {
    slotMinutes: number;
    places: number;
    minLeadWorkingDays: number;
    maxDaysAhead: number;
    cancelCutoffHours: number;
    maxReschedules: number;
    address: string | null;
    videoLink: string | null;
  };
  windows: { id: string; channel: AppointmentChannel; weekday: number; startMinute: number; endMinute: number }[];
  closures: { day: string; reason: string }[];
  /** The national holidays of the next twelve months, computed. */
  holidays: { day: string; name: string }[];
};

const DEFAULTS: AgendaSettingsView["settings"] = {
  slotMinutes: 30,
  places: 1,
  minLeadWorkingDays: 2,
  maxDaysAhead: 30,
  cancelCutoffHours: 24,
  maxReschedules: 2,
  address: null,
  videoLink: null,
};

/** The office's availability as its page shows it: rules, weekly windows, coming closures and holidays. */
export async function getAgendaSettings(actor: OperatorActor, now = new Date()): Promise<AgendaSettingsView> {
  const officeId = actor.office.id;
  const today = romeIsoDay(now);
  const [settings, windows, closures] = await Promise.all([
    prisma.agendaSettings.findUnique({ where: { officeId } }),
    prisma.agendaWindow.findMany({
      where: { officeId },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }, { channel: "asc" }],
      select: { id: true, channel: true, weekday: true, startMinute: true, endMinute: true },
    }),
    prisma.agendaClosure.findMany({
      where: { officeId, day: { gte: new Date(`${today}T00:00:00Z`) } },
      orderBy: { day: "asc" },
      select: { day: true, reason: true },
    }),
  ]);
  const year = Number(today.slice(0, 4));
  const until = addIsoDays(today, 365);
  const holidays = [...nationalHolidays(year), ...nationalHolidays(year + 1)]
    .filter(([day]) => day >= today && day <= until)
    .map(([day, name]) => ({ day, name }));
  return {
    editable: managesAgenda(actor),
    settings: settings
      ? {
          slotMinutes: settings.slotMinutes,
          places: settings.places,
          minLeadWorkingDays: settings.minLeadWorkingDays,
          maxDaysAhead: settings.maxDaysAhead,
          cancelCutoffHours: settings.cancelCutoffHours,
          maxReschedules: settings.maxReschedules,
          address: settings.address,
          videoLink: settings.videoLink,
        }
      : DEFAULTS,
    windows,
    closures: closures.map((closure) => ({ day: closure.day.toISOString().slice(0, 10), reason: closure.reason })),
    holidays,
  };
}
