import { describe, expect, it } from "vitest";
import { romeDayEnd, romeInstant } from "./rome-dates";
import { addWorkingDays, dueAfterWorkingDays, dueDay, extendDue, isWorkingDay, nextWorkingDay, workingDaysBetween } from "./working-days";

describe("working days", () => {
  it("skips weekends and the national holidays, Easter Monday included", () => {
    expect(isWorkingDay("2026-12-07")).toBe(true);
    expect(isWorkingDay("2026-12-05")).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-08")).toBe(false); // Immacolata
    expect(isWorkingDay("2026-04-06")).toBe(false); // Easter Monday 2026
    expect(isWorkingDay("2027-03-29")).toBe(false); // Easter Monday 2027
    expect(isWorkingDay("2028-04-17")).toBe(false); // Easter Monday 2028
    expect(isWorkingDay("2026-10-05")).toBe(true);
    expect(isWorkingDay("2027-10-04")).toBe(false); // San Francesco, a Monday, from 2026
    expect(isWorkingDay("2025-10-03")).toBe(true);
  });

  it("moves a holiday or a weekend to the next working day", () => {
    expect(nextWorkingDay("2026-12-07")).toBe("2026-12-07");
    expect(nextWorkingDay("2026-12-08")).toBe("2026-12-09");
    expect(nextWorkingDay("2026-12-25")).toBe("2026-12-28"); // Christmas Friday, Santo Stefano, Sunday
    expect(nextWorkingDay("2027-03-27")).toBe("2027-03-30"); // Saturday, Easter, Easter Monday
    expect(nextWorkingDay("2029-12-29")).toBe("2029-12-31");
  });

  it("counts working days forward across holidays and years", () => {
    expect(addWorkingDays("2026-12-04", 1)).toBe("2026-12-07");
    expect(addWorkingDays("2026-12-07", 1)).toBe("2026-12-09");
    expect(addWorkingDays("2026-12-23", 2)).toBe("2026-12-28");
    expect(addWorkingDays("2026-12-31", 1)).toBe("2027-01-04"); // New Year, then a weekend
    expect(addWorkingDays("2027-04-02", 1)).toBe("2027-04-05");
    expect(addWorkingDays("2026-04-03", 1)).toBe("2026-04-07"); // over Easter Monday 2026
    expect(addWorkingDays("2026-12-08", 0)).toBe("2026-12-09");
    // 30 working days from the 1st of December 2026: Immacolata, Christmas, Santo Stefano (a Saturday), New Year and Epiphany on the way.
    expect(addWorkingDays("2026-12-01", 30)).toBe("2027-01-18");
    expect(addWorkingDays("2030-04-19", 30)).toBe("2030-06-05"); // Easter Monday, 25 April, 1 May; 2 June is a Sunday
    expect(() => addWorkingDays("2026-12-01", -1)).toThrow(RangeError);
  });

  it("counts the working days a stopped clock paused", () => {
    expect(workingDaysBetween("2026-12-04", "2026-12-04")).toBe(0);
    expect(workingDaysBetween("2026-12-04", "2026-12-07")).toBe(1);
    expect(workingDaysBetween("2026-12-07", "2026-12-14")).toBe(4); // the 8th is a holiday
    expect(workingDaysBetween("2026-12-14", "2026-12-07")).toBe(0);
    expect(workingDaysBetween("2026-12-22", "2027-01-08")).toBe(10);
  });

  it("puts a due date at the end of its day in Rome and reads it back", () => {
    const received = romeInstant("2026-12-04", 23 * 60 + 30); // Friday 23:30 in Rome, Friday 22:30 UTC
    const due = dueAfterWorkingDays(received, 1);
    expect(due).toEqual(romeDayEnd("2026-12-07"));
    expect(dueDay(due)).toBe("2026-12-07");
    expect(dueDay(dueAfterWorkingDays(romeInstant("2026-03-27", 600), 1))).toBe("2026-03-30"); // over the change to summer time
  });

  it("moves a due date later by the working days the clock stood still", () => {
    const due = romeDayEnd("2026-12-18");
    const resumed = extendDue(due, romeInstant("2026-12-07", 600), romeInstant("2026-12-14", 600));
    expect(resumed.pausedWorkingDays).toBe(4);
    expect(dueDay(resumed.dueAt)).toBe("2026-12-24");
    expect(extendDue(due, romeInstant("2026-12-07", 600), romeInstant("2026-12-07", 900))).toEqual({ dueAt: due, pausedWorkingDays: 0 });
  });
});
