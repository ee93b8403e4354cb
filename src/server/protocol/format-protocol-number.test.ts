import { describe, expect, it } from "vitest";
import { formatProtocolNumber, isWholeProtocolNumber, romeCalendarDate } from "./format-protocol-number";

describe("formatProtocolNumber", () => {
  it("joins institution, AOO, date and a seven-digit progressive", () => {
    expect(formatProtocolNumber("0040", new Date("2026-11-22T10:00:00Z"), 1234)).toBe("INPS.0040.22/11/2026.0001234");
  });

  it("pads small progressives to seven digits", () => {
    expect(formatProtocolNumber("7000", new Date("2026-03-05T10:00:00Z"), 1)).toBe("INPS.7000.05/03/2026.0000001");
  });

  it("keeps progressives longer than seven digits whole", () => {
    expect(formatProtocolNumber("7000", new Date("2026-03-05T10:00:00Z"), 12_345_678)).toBe("INPS.7000.05/03/2026.12345678");
  });

  it("dates by the calendar of Rome, not UTC (winter, UTC+1)", () => {
    expect(formatProtocolNumber("0040", new Date("2026-12-31T23:30:00Z"), 7)).toBe("INPS.0040.01/01/2027.0000007");
  });

  it("dates by the calendar of Rome in summer time (UTC+2)", () => {
    expect(formatProtocolNumber("0040", new Date("2026-07-14T22:30:00Z"), 7)).toBe("INPS.0040.15/07/2026.0000007");
    expect(formatProtocolNumber("0040", new Date("2026-07-14T21:30:00Z"), 7)).toBe("INPS.0040.14/07/2026.0000007");
  });

  it("refuses progressives that are not positive integers", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    expect(() => formatProtocolNumber("0040", at, 0)).toThrow(RangeError);
    expect(() => formatProtocolNumber("0040", at, -3)).toThrow(RangeError);
    expect(() => formatProtocolNumber("0040", at, 1.5)).toThrow(RangeError);
  });
});

describe("romeCalendarDate", () => {
  it("gives the year of Rome on New Year's Eve night", () => {
    expect(romeCalendarDate(new Date("2026-12-31T23:00:00Z")).year).toBe(2027);
    expect(romeCalendarDate(new Date("2026-12-31T22:59:59Z")).year).toBe(2026);
  });
});

describe("isWholeProtocolNumber", () => {
  it("recognises a number as formatted, with seven digits or more", () => {
    expect(isWholeProtocolNumber("INPS.0040.22/11/2026.0001234")).toBe(true);
    expect(isWholeProtocolNumber("INPS.7000.05/03/2026.12345678")).toBe(true);
  });

  it("refuses a part of a number, a provisional one and anything else", () => {
    for (const text of [
      "INPS.0040.22/11/2026.000123",
      "0040.22/11/2026.0001234",
      "INPS.0040.22/11/2026.",
      "INPS.0040.22/11/2026.ABCDEFG",
      "inps.0040.22/11/2026.0001234",
      " INPS.0040.22/11/2026.0001234",
      "INPS.0040.22/11/2026.0001234 ",
      "INPS.0040.22-11-2026.0001234",
    ]) {
      expect(isWholeProtocolNumber(text)).toBe(false);
    }
  });
});
