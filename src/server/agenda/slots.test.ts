import { describe, expect, it } from "vitest";
import { bookableSlot, bookingWindow, freeAgenda, slotsOfDay, type AgendaRules, type WeeklyWindow } from "./slots";

const rules: AgendaRules = { slotMinutes: 30, places: 3, minLeadWorkingDays: 2, maxDaysAhead: 30 };
const everyDay = (channel: WeeklyWindow["channel"], startMinute: number, endMinute: number): WeeklyWindow[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ channel, weekday, startMinute, endMinute }));
const none = new Map<string, string>();
const free = new Map<number, number>();
const iso = (slots: { startsAt: Date }[]) => slots.map((slot) => slot.startsAt.toISOString());

describe("agenda slots", () => {
  it("keeps slots at their Rome hour on the days clocks change (last Sunday of March and of October)", () => {
    const windows = everyDay("IN_PRESENZA", 9 * 60, 10 * 60);
    expect(iso(slotsOfDay("2026-03-28", rules, windows, none, free))).toEqual(["2026-03-28T08:00:00.000Z", "2026-03-28T08:30:00.000Z"]);
    expect(iso(slotsOfDay("2026-03-29", rules, windows, none, free))).toEqual(["2026-03-29T07:00:00.000Z", "2026-03-29T07:30:00.000Z"]);
    expect(iso(slotsOfDay("2026-10-24", rules, windows, none, free))).toEqual(["2026-10-24T07:00:00.000Z", "2026-10-24T07:30:00.000Z"]);
    expect(iso(slotsOfDay("2026-10-25", rules, windows, none, free))).toEqual(["2026-10-25T08:00:00.000Z", "2026-10-25T08:30:00.000Z"]);
    // A window across the night's missing hour still cuts slots of 30 minutes of wall clock.
    const night = everyDay("TELEFONICO", 60, 4 * 60);
    expect(slotsOfDay("2026-03-29", rules, night, none, free).map((slot) => slot.endsAt.getTime() - slot.startsAt.getTime())).not.toContain(
      0,
    );
  });

  it("merges channels opening at the same time and counts the places taken", () => {
    const windows = [
      { channel: "IN_PRESENZA", weekday: 1, startMinute: 540, endMinute: 600 },
      { channel: "TELEFONICO", weekday: 1, startMinute: 570, endMinute: 630 },
    ] satisfies WeeklyWindow[];
    const taken = new Map([[Date.parse("2026-12-14T08:30:00Z"), 3]]);
    const slots = slotsOfDay("2026-12-14", rules, windows, none, taken);
    expect(slots.map((slot) => [slot.startsAt.toISOString(), slot.channels, slot.free])).toEqual([
      ["2026-12-14T08:00:00.000Z", ["IN_PRESENZA"], 3],
      ["2026-12-14T08:30:00.000Z", ["IN_PRESENZA", "TELEFONICO"], 0],
      ["2026-12-14T09:00:00.000Z", ["TELEFONICO"], 3],
    ]);
    expect(slotsOfDay("2026-12-14", rules, windows, none, taken, "TELEFONICO")).toHaveLength(2);
  });

  it("starts the window after the working days of notice and ends it after maxDaysAhead", () => {
    // Friday 4 December 2026: Monday 7 is the first working day, Tuesday 8 a holiday, Wednesday 9 the second.
    const now = new Date("2026-12-04T10:00:00Z");
    expect(bookingWindow(rules, none, now)).toEqual({ first: "2026-12-09", last: "2027-01-03" });
    expect(bookingWindow(rules, new Map([["2026-12-09", "Santo patrono"]]), now).first).toBe("2026-12-10");
  });

  it("offers no day on a holiday or a closure and no slot in the past", () => {
    const windows = everyDay("IN_PRESENZA", 9 * 60, 10 * 60);
    const now = new Date("2026-12-04T10:00:00Z");
    const days = freeAgenda(rules, windows, new Map([["2026-12-10", "Santo patrono"]]), free, now).map((day) => day.day);
    expect(days[0]).toBe("2026-12-09");
    expect(days).not.toContain("2026-12-10");
    expect(days).not.toContain("2026-12-25");
    expect(days.at(-1)).toBe("2027-01-03");
    expect(freeAgenda({ ...rules, minLeadWorkingDays: 0 }, windows, none, free, now)[0]?.day).toBe("2026-12-05");
  });

  it("refuses a forged slot: off the grid, outside the windows, the channel or the booking window", () => {
    const windows = [{ channel: "IN_PRESENZA", weekday: 3, startMinute: 540, endMinute: 600 }] satisfies WeeklyWindow[];
    const now = new Date("2026-12-04T10:00:00Z");
    const check = (startsAt: string, channel: WeeklyWindow["channel"] = "IN_PRESENZA") =>
      bookableSlot(rules, windows, none, free, now, channel, new Date(startsAt)) !== null;
    expect(check("2026-12-09T08:00:00Z")).toBe(true);
    expect(check("2026-12-09T08:10:00Z")).toBe(false);
    expect(check("2026-12-09T09:00:00Z")).toBe(false);
    expect(check("2026-12-09T08:00:00Z", "TELEFONICO")).toBe(false);
    expect(check("2026-12-02T08:00:00Z")).toBe(false);
    expect(check("2027-01-13T08:00:00Z")).toBe(false);
    expect(
      bookableSlot(
        rules,
        windows,
        none,
        new Map([[Date.parse("2026-12-09T08:00:00Z"), 3]]),
        now,
        "IN_PRESENZA",
        new Date("2026-12-09T08:00:00Z"),
      ),
    ).toBeNull();
  });
});
