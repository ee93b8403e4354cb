import { addIsoDays } from "@/lib/rome-dates";

/**
 * Italy's national holidays, computed (decision 0027): the fixed dates, Easter
 * Monday, and from 2026 the 4th of October again (Law 151/2025). The office's
 * own days (patron saint, extraordinary closures) are AgendaClosure rows.
 */

const FIXED: [monthDay: string, name: string, since?: number][] = [
  ["01-01", "Capodanno"],
  ["01-06", "Epifania"],
  ["04-25", "Festa della Liberazione"],
  ["05-01", "Festa del Lavoro"],
  ["06-02", "Festa della Repubblica"],
  ["08-15", "Ferragosto"],
  ["10-04", "San Francesco d'Assisi", 2026],
  ["11-01", "Ognissanti"],
  ["12-08", "Immacolata Concezione"],
  ["12-25", "Natale"],
  ["12-26", "Santo Stefano"],
];

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The national holidays of a year, by day (`yyyy-mm-dd`). */
export function nationalHolidays(year: number): Map<string, string> {
  const holidays = new Map<string, string>();
  for (const [monthDay, name, since] of FIXED) {
    if (since === undefined || year >= since) holidays.set(`${year}-${monthDay}`, name);
  }
  holidays.set(addIsoDays(easterSunday(year), 1), "Lunedì dell'Angelo (Pasquetta)");
  return holidays;
}

/** The holiday a day is, or null. */
export function nationalHolidayOn(isoDay: string): string | null {
  return nationalHolidays(Number(isoDay.slice(0, 4))).get(isoDay) ?? null;
}
