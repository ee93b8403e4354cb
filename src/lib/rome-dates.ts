/**
 * Dates as people in Italy read and type them: the calendar and clock of
 * Rome, whatever the server's time zone. Safe on client and server.
 */

const TIME_ZONE = "Europe/Rome";

const dateFormat = new Intl.DateTimeFormat("it-IT", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("it-IT", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const offsetParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** "22/11/2026". */
export function formatRomeDate(date: Date): string {
  return dateFormat.format(date);
}

/** "22/11/2026, 10:30". */
export function formatRomeDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** Milliseconds Rome is ahead of UTC at this instant (1 or 2 hours). */
function romeOffset(instant: number): number {
  const parts = Object.fromEntries(offsetParts.formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a day (`yyyy-mm-dd`) starts in Rome. */
export function romeDayStart(isoDay: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new RangeError(`Giorno non valido: ${isoDay}`);
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const guess = midnightUtc - romeOffset(midnightUtc);
  // The offset at the guess is the right one unless a DST change falls in between.
  return new Date(midnightUtc - romeOffset(guess));
}

/** The day (`yyyy-mm-dd`) it is in Rome at this instant. */
export function romeIsoDay(date: Date): string {
  const parts = Object.fromEntries(offsetParts.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${String(parts.month).padStart(2, "0")}-${String(parts.day).padStart(2, "0")}`;
}

/** The instant the day after `isoDay` starts in Rome: the exclusive end of that day. */
export function romeDayEnd(isoDay: string): Date {
  const start = romeDayStart(isoDay);
  return romeDayStart(romeIsoDay(new Date(start.getTime() + 36 * 3_600_000)));
}

/** The instant of a wall-clock time in Rome: `minutes` after midnight of `isoDay` (right on the days clocks change). */
export function romeInstant(isoDay: string, minutes: number): Date {
  const midnightUtc = Date.parse(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(midnightUtc)) throw new RangeError(`Giorno non valido: ${isoDay}`);
  const wallClock = midnightUtc + minutes * 60_000;
  // As in romeDayStart: the offset at the first guess is right unless a DST change falls in between.
  return new Date(wallClock - romeOffset(wallClock - romeOffset(wallClock)));
}

/** The day `days` after `isoDay` (calendar arithmetic, no time zone involved). */
export function addIsoDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** How many days from `first` to `last`, both included (calendar arithmetic). */
export function isoDaysInclusive(first: string, last: string): number {
  return (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000 + 1;
}

/** The first day of the calendar month of `isoDay`. */
export function monthStart(isoDay: string): string {
  return `${isoDay.slice(0, 7)}-01`;
}

/** The last day of the calendar month of `isoDay`. */
export function monthEnd(isoDay: string): string {
  const date = new Date(`${monthStart(isoDay)}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1, 0);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(isoDay: string): number {
  const day = new Date(`${isoDay}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const longDayFormat = new Intl.DateTimeFormat("it-IT", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("it-IT", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });

/** "lunedì 7 dicembre 2026": a day as it is read out, never bare numbers. */
export function formatRomeLongDay(isoDay: string): string {
  return longDayFormat.format(new Date(`${isoDay}T12:00:00Z`));
}

const plainDayFormat = new Intl.DateTimeFormat("it-IT", { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" });

/** "7 dicembre 2026": a day in plain words, after "il" or "entro il". */
export function formatRomePlainDay(isoDay: string): string {
  return plainDayFormat.format(new Date(`${isoDay}T12:00:00Z`));
}

/** "09:30", Rome time. */
export function formatRomeTime(date: Date): string {
  return timeFormat.format(date);
}
