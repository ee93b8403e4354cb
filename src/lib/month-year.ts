/**
 * Contribution periods by month, typed "03/2025" and held as "2025-03"
 * (which sorts as it reads). Safe on client and server.
 */

/** "2025-03" of "03/2025", "3/2025" or "2025-03" (what a month input sends); null for anything else. */
export function parseMonthYear(value: string): string | null {
  const text = value.trim();
  const typed = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})$/.exec(text);
  const [month, year] = typed ? [typed[1], typed[2]] : iso ? [iso[2], iso[1]] : [];
  const monthNumber = Number(month);
  if (!year || !Number.isInteger(monthNumber) || monthNumber < 1 || monthNumber > 12) return null;
  return `${year}-${String(monthNumber).padStart(2, "0")}`;
}

/** "2025-03" of an instant, in Rome. */
export function monthYearOf(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit" }).formatToParts(date);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}

const monthNames = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

/** "marzo 2025". */
export function formatMonthYear(monthYear: string): string {
  const [year, month] = monthYear.split("-");
  return `${monthNames[Number(month) - 1] ?? month} ${year}`;
}

/** "03/2025", as the form shows it again. */
export function typedMonthYear(monthYear: string): string {
  const [year, month] = monthYear.split("-");
  return `${month}/${year}`;
}
