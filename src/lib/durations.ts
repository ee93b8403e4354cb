/**
 * Lengths of time as the office reads them: whole days and hours ("2 g 4 h"),
 * minutes under an hour, and the same in words for screen readers and chart
 * descriptions ("2 giorni e 4 ore").
 */

const HOUR = 3600;

type Parts = { days: number; hours: number; minutes: number };

function parts(seconds: number): Parts {
  if (seconds < HOUR) return { days: 0, hours: 0, minutes: Math.max(0, Math.round(seconds / 60)) };
  const hours = Math.round(seconds / HOUR);
  return { days: Math.floor(hours / 24), hours: hours % 24, minutes: 0 };
}

/** "2 g 4 h", "5 h", "3 g", "12 min". */
export function formatDuration(seconds: number): string {
  const { days, hours, minutes } = parts(seconds);
  if (days === 0 && hours === 0) return `${minutes} min`;
  return [days > 0 ? `${days} g` : "", hours > 0 ? `${hours} h` : ""].filter(Boolean).join(" ");
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "2 giorni e 4 ore", "1 ora", "12 minuti". */
export function formatDurationInWords(seconds: number): string {
  const { days, hours, minutes } = parts(seconds);
  if (days === 0 && hours === 0) return plural(minutes, "minuto", "minuti");
  return [days > 0 ? plural(days, "giorno", "giorni") : "", hours > 0 ? plural(hours, "ora", "ore") : ""].filter(Boolean).join(" e ");
}

/** Hours with one decimal, Italian style ("36,5"), for spreadsheets. */
export function hoursFigure(seconds: number): string {
  return (seconds / HOUR).toLocaleString("it-IT", { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
}
