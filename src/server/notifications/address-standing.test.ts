import { describe, expect, it } from "vitest";
import { isAnomalous } from "./address-standing";

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9));

describe("isAnomalous", () => {
  it("is anomalous only when the latest failure has no notice arrived after it", () => {
    expect(isAnomalous({ lastFailedAt: null, lastArrived: null })).toBe(false);
    expect(isAnomalous({ lastFailedAt: null, lastArrived: { createdAt: at(1), at: at(1) } })).toBe(false);
    expect(isAnomalous({ lastFailedAt: at(2), lastArrived: null })).toBe(true);
    expect(isAnomalous({ lastFailedAt: at(2), lastArrived: { createdAt: at(1), at: at(3) } })).toBe(true);
    expect(isAnomalous({ lastFailedAt: at(2), lastArrived: { createdAt: at(3), at: at(3) } })).toBe(false);
  });
});
