import { describe, expect, it } from "vitest";
import { cappedTotal, TOTAL_CAP, totalLabel } from "./capped-total";

describe("cappedTotal", () => {
  it("is exact up to the cap", () => {
    expect(cappedTotal(0)).toEqual({ count: 0, more: false });
    expect(cappedTotal(TOTAL_CAP)).toEqual({ count: TOTAL_CAP, more: false });
  });

  it("says more beyond the cap", () => {
    expect(cappedTotal(TOTAL_CAP + 1)).toEqual({ count: TOTAL_CAP, more: true });
    expect(cappedTotal(4, 3)).toEqual({ count: 3, more: true });
  });
});

describe("totalLabel", () => {
  it("writes the count in Italian, or 'più di' the cap", () => {
    expect(totalLabel({ count: 9876, more: false })).toBe("9876");
    expect(totalLabel(cappedTotal(TOTAL_CAP + 1))).toBe("più di 10.000");
  });
});
