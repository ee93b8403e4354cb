import { nationalHolidayOn } from "./italian-holidays";
import { addIsoDays, isoWeekday, romeDayEnd, romeIsoDay } from "./rome-dates";

/**
 * Working days as the service levels count them (B4, decision 0034): Monday
 * to Friday, Italy's national holidays excepted, on Rome's calendar. Days are
 * `yyyy-mm-dd`; a due date is kept as the instant its day ends in Rome.
 */

/** Monday to Friday and not a national holiday. */
export function isWorkingDay(isoDay: string): boolean {
  return isoWeekday(isoDay) <= 5 && nationalHolidayOn(isoDay) === null;
}

/** The day itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(isoDay: string): string {
  let day = isoDay;
  while (!isWorkingDay(day)) day = addIsoDays(day, 1);
  return day;
}

/** The `count`-th working day after `isoDay` (the day itself not counted); 0 gives the day, moved to a working day. */
export function addWorkingDays(isoDay: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Numero di giorni lavorativi non valido: ${count}`);
  let day = isoDay;
  for (let added = 0; added < count;) {
    day = addIsoDays(day, 1);
    if (isWorkingDay(day)) added++;
  }
  return nextWorkingDay(day);
}

/** Working days after `fromDay` up to and including `toDay`; 0 when `toDay` is not later. */
export function workingDaysBetween(fromDay: string, toDay: string): number {
  let count = 0;
  for (let day = addIsoDays(fromDay, 1); day <= toDay; day = addIsoDays(day, 1)) {
    if (isWorkingDay(day)) count++;
  }
  return count;
}

/** The due instant `count` working days after the Rome day of `from`: the end of that day in Rome. */
export function dueAfterWorkingDays(from: Date, count: number): Date {
  return romeDayEnd(addWorkingDays(romeIsoDay(from), count));
}

/** The Rome day a due instant (the end of its day) belongs to. */
export function dueDay(dueAt: Date): string {
  return romeIsoDay(new Date(dueAt.getTime() - 1));
}

/** The due instant moved later by the working days between two instants (a stopped clock resuming). */
export function extendDue(dueAt: Date, stoppedAt: Date, resumedAt: Date): { dueAt: Date; pausedWorkingDays: number } {
  const pausedWorkingDays = workingDaysBetween(romeIsoDay(stoppedAt), romeIsoDay(resumedAt));
  return { dueAt: romeDayEnd(addWorkingDays(dueDay(dueAt), pausedWorkingDays)), pausedWorkingDays };
}
