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

/**
 * The rows of a CSV written as `toCsv` writes it (or by a spreadsheet): `;`
 * between fields, double quotes around fields holding `;`, quotes or line
 * ends, any line end. A leading byte order mark is dropped. Empty lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    cell = "";
  };
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (quoted) {
      if (character === '"' && source[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"' && cell === "") quoted = true;
    else if (character === ";") {
      row.push(cell);
      cell = "";
    } else if (character === "\r" || character === "\n") {
      if (character === "\r" && source[index + 1] === "\n") index++;
      endRow();
    } else cell += character;
  }
  if (cell !== "" || row.length > 0) endRow();
  return rows;
}
