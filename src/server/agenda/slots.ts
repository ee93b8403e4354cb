import type { AppointmentChannel } from "@/generated/prisma/enums";
import { addIsoDays, isoWeekday, romeInstant, romeIsoDay } from "@/lib/rome-dates";
import { nationalHolidayOn } from "@/lib/italian-holidays";

/**
 * The pure part of the agenda (decision 0027): which days may be booked and
 * which slots of them are free. Everything is Rome's wall clock turned into
 * instants day by day, so slots stay at their hour on the days clocks change.
 */

export type AgendaRules = {
  slotMinutes: number;
  places: number;
  minLeadWorkingDays: number;
  maxDaysAhead: number;
};

export type WeeklyWindow = { channel: AppointmentChannel; weekday: number; startMinute: number; endMinute: number };

export type FreeSlot = { startsAt: Date; endsAt: Date; channels: AppointmentChannel[]; free: number };

export type AgendaDay = { day: string; slots: FreeSlot[]; freePlaces: number };

/** Why a day is closed: a national holiday or one of the office's closures, null when open. */
export function closureOf(isoDay: string, closures: ReadonlyMap<string, string>): string | null {
  return nationalHolidayOn(isoDay) ?? closures.get(isoDay) ?? null;
}

function isWorkingDay(isoDay: string, closures: ReadonlyMap<string, string>): boolean {
  return isoWeekday(isoDay) <= 5 && closureOf(isoDay, closures) === null;
}

/** The first and last bookable days at `now`: `minLeadWorkingDays` working days on, up to `maxDaysAhead` days on. */
export function bookingWindow(rules: AgendaRules, closures: ReadonlyMap<string, string>, now: Date): { first: string; last: string } {
  const today = romeIsoDay(now);
  let first = today;
  for (let counted = 0; counted < rules.minLeadWorkingDays;) {
    first = addIsoDays(first, 1);
    if (isWorkingDay(first, closures)) counted++;
  }
  return { first, last: addIsoDays(today, rules.maxDaysAhead) };
}

/** Every day from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addIsoDays(day, 1)) days.push(day);
  return days;
}

/**
 * The slots of one day, free or not: the office's windows of that weekday
 * (of one channel, if given) cut into slots of `slotMinutes`, those opening
 * at the same time merged with their channels, each with its free places
 * (`taken` counts the places taken, by start instant). None on a closure.
 */
export function slotsOfDay(
  day: string,
  rules: AgendaRules,
  windows: readonly WeeklyWindow[],
  closures: ReadonlyMap<string, string>,
  taken: ReadonlyMap<number, number>,
  channel?: AppointmentChannel,
): FreeSlot[] {
  if (closureOf(day, closures) !== null) return [];
  const weekday = isoWeekday(day);
  const byStart = new Map<number, FreeSlot>();
  for (const window of windows) {
    if (window.weekday !== weekday || (channel && window.channel !== channel)) continue;
    for (let minute = window.startMinute; minute + rules.slotMinutes <= window.endMinute; minute += rules.slotMinutes) {
      const startsAt = romeInstant(day, minute);
      const slot = byStart.get(startsAt.getTime());
      if (slot) {
        if (!slot.channels.includes(window.channel)) slot.channels.push(window.channel);
        continue;
      }
      const free = Math.max(rules.places - (taken.get(startsAt.getTime()) ?? 0), 0);
      byStart.set(startsAt.getTime(), { startsAt, endsAt: romeInstant(day, minute + rules.slotMinutes), channels: [window.channel], free });
    }
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * The bookable days at `now` with their free slots: inside the booking
 * window, not closed, with at least one free place of the channel (if
 * given) starting after `now`.
 */
export function freeAgenda(
  rules: AgendaRules,
  windows: readonly WeeklyWindow[],
  closures: ReadonlyMap<string, string>,
  taken: ReadonlyMap<number, number>,
  now: Date,
  channel?: AppointmentChannel,
): AgendaDay[] {
  const { first, last } = bookingWindow(rules, closures, now);
  const days: AgendaDay[] = [];
  for (const day of daysBetween(first, last)) {
    const slots = slotsOfDay(day, rules, windows, closures, taken, channel).filter(
      (slot) => slot.free > 0 && slot.startsAt.getTime() > now.getTime(),
    );
    if (slots.length > 0) days.push({ day, slots, freePlaces: slots.reduce((sum, slot) => sum + slot.free, 0) });
  }
  return days;
}

/** The free slot starting at `startsAt` for `channel`, if it is bookable now (a forged form finds nothing). */
export function bookableSlot(
  rules: AgendaRules,
  windows: readonly WeeklyWindow[],
  closures: ReadonlyMap<string, string>,
  taken: ReadonlyMap<number, number>,
  now: Date,
  channel: AppointmentChannel,
  startsAt: Date,
): FreeSlot | null {
  const day = romeIsoDay(startsAt);
  const { first, last } = bookingWindow(rules, closures, now);
  if (day < first || day > last || startsAt.getTime() <= now.getTime()) return null;
  const slot = slotsOfDay(day, rules, windows, closures, taken, channel).find(
    (candidate) => candidate.startsAt.getTime() === startsAt.getTime(),
  );
  return slot && slot.free > 0 ? slot : null;
}
