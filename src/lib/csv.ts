/**
 * CSV for spreadsheets used in Italy: `;` between fields (Excel with Italian
 * settings reads it without an import wizard), CRLF line ends, a UTF-8 byte
 * order mark so accents survive, and cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) neutralised with a
 * leading apostrophe (CSV/formula injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [headers, ...rows].map((cells) => cells.map(csvCell).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
