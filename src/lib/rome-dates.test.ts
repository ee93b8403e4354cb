import { describe, expect, it } from "vitest";
import {
  formatRomeDate,
  formatRomeDateTime,
  isoDaysInclusive,
  monthEnd,
  monthStart,
  romeDayEnd,
  romeDayStart,
  romeIsoDay,
} from "./rome-dates";

describe("romeDayStart / romeDayEnd", () => {
  it("start at midnight of Rome in winter (UTC+1)", () => {
    expect(romeDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(romeDayEnd("2026-01-15").toISOString()).toBe("2026-01-15T23:00:00.000Z");
  });

  it("start at midnight of Rome in summer (UTC+2)", () => {
    expect(romeDayStart("2026-07-14").toISOString()).toBe("2026-07-13T22:00:00.000Z");
  });

  it("span 23 hours on the day clocks go forward and 25 on the day they go back", () => {
    const spring = romeDayEnd("2026-03-29").getTime() - romeDayStart("2026-03-29").getTime();
    const autumn = romeDayEnd("2026-10-25").getTime() - romeDayStart("2026-10-25").getTime();
    expect(spring / 3_600_000).toBe(23);
    expect(autumn / 3_600_000).toBe(25);
  });

  it("cross the end of the year", () => {
    expect(romeDayEnd("2026-12-31").toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });

  it("refuse what is not a day", () => {
    expect(() => romeDayStart("31/12/2026")).toThrow(RangeError);
  });
});

describe("formatRomeDate", () => {
  it("writes the day of Rome, not of UTC", () => {
    expect(formatRomeDate(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027");
    expect(formatRomeDateTime(new Date("2026-07-14T08:05:00Z"))).toBe("14/07/2026, 10:05");
  });
});

describe("romeIsoDay", () => {
  it("is already tomorrow in Rome shortly after its midnight, while UTC is still on today", () => {
    expect(romeIsoDay(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
    expect(romeIsoDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(romeIsoDay(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });
});

describe("monthStart / monthEnd", () => {
  it("give the first and last day of the calendar month, leap years included", () => {
    expect(monthStart("2026-03-17")).toBe("2026-03-01");
    expect(monthEnd("2026-03-17")).toBe("2026-03-31");
    expect(monthEnd("2026-04-01")).toBe("2026-04-30");
    expect(monthEnd("2028-02-10")).toBe("2028-02-29");
    expect(monthEnd("2026-02-28")).toBe("2026-02-28");
    expect(monthEnd("2026-12-31")).toBe("2026-12-31");
  });
});

describe("isoDaysInclusive", () => {
  it("counts both ends, across a month, a leap day and the clock change", () => {
    expect(isoDaysInclusive("2026-03-01", "2026-03-01")).toBe(1);
    expect(isoDaysInclusive("2026-03-01", "2026-03-31")).toBe(31);
    expect(isoDaysInclusive("2028-02-01", "2028-03-01")).toBe(30);
    expect(isoDaysInclusive("2026-03-28", "2026-03-30")).toBe(3);
  });
});
