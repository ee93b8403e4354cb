/** Protocol numbers are issued by INPS; the AOO is the office's code. */
const INSTITUTION = "INPS";
/** The progressive is zero-padded to this many digits at least. */
export const MIN_PROGRESSIVE_DIGITS = 7;

const romeDateParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Rome",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** A whole protocol number as formatProtocolNumber writes it (AOO of digits, as the seed requires). */
const WHOLE_PROTOCOL_NUMBER = new RegExp(`^${INSTITUTION}\\.\\d+\\.\\d{2}/\\d{2}/\\d{4}\\.\\d{${MIN_PROGRESSIVE_DIGITS},}$`);

/** Whether `text` is a whole protocol number (upper case), not a part of one. */
export function isWholeProtocolNumber(text: string): boolean {
  return WHOLE_PROTOCOL_NUMBER.test(text);
}

/** Day, month and year of an instant on the calendar of Rome. */
export function romeCalendarDate(date: Date): { day: string; month: string; year: number } {
  const parts = romeDateParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => {
    const value = parts.find((candidate) => candidate.type === type)?.value;
    if (!value) throw new Error(`Data non valida per il protocollo: ${date.toISOString()}`);
    return value;
  };
  return { day: part("day"), month: part("month"), year: Number(part("year")) };
}

/**
 * `INPS.<AOO>.<dd/mm/yyyy>.<progressive>`, e.g. `INPS.0040.22/11/2026.0001234`:
 * the date on the calendar of Rome, the progressive zero-padded to at least
 * seven digits.
 */
export function formatProtocolNumber(aooCode: string, date: Date, progressive: number): string {
  if (!Number.isSafeInteger(progressive) || progressive < 1) {
    throw new RangeError(`Progressivo di protocollo non valido: ${progressive}`);
  }
  return protocolNumberPrefix(aooCode, date) + String(progressive).padStart(MIN_PROGRESSIVE_DIGITS, "0");
}

/** `INPS.<AOO>.<dd/mm/yyyy>.`: what comes before the progressive. */
export function protocolNumberPrefix(aooCode: string, date: Date): string {
  const { day, month, year } = romeCalendarDate(date);
  return `${INSTITUTION}.${aooCode}.${day}/${month}/${year}.`;
}
