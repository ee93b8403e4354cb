import "server-only";
import type { AppointmentChannel } from "@/generated/prisma/enums";
import { addIsoDays, romeIsoDay } from "@/lib/rome-dates";
import { prisma } from "@/server/db/client";
import type { OperatorActor } from "@/server/identity/actor";
import { readAgendaDefaults, type AgendaRuleValues } from "./agenda-defaults";
import { managesAgenda } from "./agenda-manager";
import { nationalHolidays } from "@/lib/italian-holidays";

export type AgendaSettingsView = {
  editable: boolean;
  /** The administrators' defaults until the office opens its agenda (decision 0047). */
  settings: AgendaRuleValues & { address: string | null; videoLink: string | null };
  windows: { id: string; channel: AppointmentChannel; weekday: number; startMinute: number; endMinute: number }[];
  closures: { day: string; reason: string }[];
  /** The national holidays of the next twelve months, computed. */
  holidays: { day: string; name: string }[];
};

/** What the form shows an office that has not opened its agenda: the administrators' defaults. */
async function defaultSettings(): Promise<AgendaSettingsView["settings"]> {
  const { version: _version, ...rules } = await readAgendaDefaults(prisma);
  return { ...rules, address: null, videoLink: null };
}

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
      : await defaultSettings(),
    windows,
    closures: closures.map((closure) => ({ day: closure.day.toISOString().slice(0, 10), reason: closure.reason })),
    holidays,
  };
}
