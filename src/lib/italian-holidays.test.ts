import { describe, expect, it } from "vitest";
import { easterSunday, nationalHolidayOn, nationalHolidays } from "./italian-holidays";

describe("national holidays", () => {
  it("computes Easter Sunday and puts Easter Monday among the holidays", () => {
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2038)).toBe("2038-04-25");
    expect(nationalHolidayOn("2026-04-06")).toBe("Lunedì dell'Angelo (Pasquetta)");
    expect(nationalHolidayOn("2027-03-29")).toBe("Lunedì dell'Angelo (Pasquetta)");
    expect(nationalHolidayOn("2027-04-05")).toBeNull();
  });

  it("lists the fixed dates, the 4th of October only from 2026", () => {
    const holidays = nationalHolidays(2026);
    expect([...holidays.keys()].sort()).toEqual([
      "2026-01-01",
      "2026-01-06",
      "2026-04-06",
      "2026-04-25",
      "2026-05-01",
      "2026-06-02",
      "2026-08-15",
      "2026-10-04",
      "2026-11-01",
      "2026-12-08",
      "2026-12-25",
      "2026-12-26",
    ]);
    expect(nationalHolidayOn("2025-10-04")).toBeNull();
    expect(nationalHolidayOn("2026-12-07")).toBeNull();
  });
});
