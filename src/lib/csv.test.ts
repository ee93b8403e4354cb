import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "./csv";

describe("csvCell", () => {
  it.each(["=1+1", "+39 333", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd"])("neutralises a formula: %j", (value) => {
    expect(csvCell(value).replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("leaves ordinary text alone and quotes separators, quotes and line breaks", () => {
    expect(csvCell("Rossi Mario")).toBe("Rossi Mario");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('detto "x"')).toBe('"detto ""x"""');
    expect(csvCell("riga\nnuova")).toBe('"riga\nnuova"');
  });
});

describe("toCsv", () => {
  it("writes a BOM, a header line and CRLF rows", () => {
    expect(toCsv(["Protocollo", "Stato"], [["INPS.7000.22/11/2026.0000001", "Aperta"]])).toBe(
      "\uFEFFProtocollo;Stato\r\nINPS.7000.22/11/2026.0000001;Aperta\r\n",
    );
  });
});

describe("parseCsv", () => {
  it("reads back what toCsv writes: separators, quotes and line breaks inside fields", () => {
    const rows = [
      ["Codice", "Descrizione"],
      ["A;1", 'detto "x"'],
      ["B", "riga\nnuova"],
    ];
    expect(parseCsv(toCsv(rows[0] ?? [], rows.slice(1)))).toEqual(rows);
  });

  it("accepts LF line ends and skips empty lines", () => {
    expect(parseCsv("a;b\n\nc;\n")).toEqual([
      ["a", "b"],
      ["c", ""],
    ]);
  });
});
