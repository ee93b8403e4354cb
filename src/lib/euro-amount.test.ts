import { describe, expect, it } from "vitest";
import { formatEuroCents, parseEuroCents } from "./euro-amount";

describe("amounts in euro", () => {
  it.each([
    ["1.234,56", 123456],
    ["1234,56", 123456],
    ["1234,5", 123450],
    ["1234", 123400],
    ["€ 12.345.678,00", 1234567800],
    ["0,99", 99],
    [" 250 ", 25000],
  ])("reads %s as %i cents", (typed, cents) => {
    expect(parseEuroCents(typed)).toBe(cents);
  });

  it.each(["12.34", "1,234", "1.23,00", "1234,567", "12a", "", "-5", "1.234.5", "1234567890123"])("refuses %s", (typed) => {
    expect(parseEuroCents(typed)).toBeNull();
  });

  it("prints with the thousands grouped and two decimals", () => {
    expect(formatEuroCents(123456)).toBe("1.234,56\u00a0€");
    expect(formatEuroCents(99)).toBe("0,99\u00a0€");
  });
});
