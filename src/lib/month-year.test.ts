import { describe, expect, it } from "vitest";
import { formatMonthYear, monthYearOf, parseMonthYear, typedMonthYear } from "./month-year";

describe("month and year", () => {
  it.each([
    ["03/2025", "2025-03"],
    ["3/2025", "2025-03"],
    ["12-2024", "2024-12"],
    [" 2025-03 ", "2025-03"],
  ])("reads %s", (typed, monthYear) => {
    expect(parseMonthYear(typed)).toBe(monthYear);
  });

  it.each(["13/2025", "00/2025", "03/25", "marzo 2025", "2025-3", ""])("refuses %s", (typed) => {
    expect(parseMonthYear(typed)).toBeNull();
  });

  it("takes the month of an instant in Rome", () => {
    expect(monthYearOf(new Date("2025-03-31T22:30:00Z"))).toBe("2025-04");
  });

  it("prints the month in words, and as typed", () => {
    expect(formatMonthYear("2025-03")).toBe("marzo 2025");
    expect(typedMonthYear("2025-03")).toBe("03/2025");
  });
});
