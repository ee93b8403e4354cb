import { describe, expect, it } from "vitest";
import { sweepCron } from "./maintenance-schedule";

describe("sweepCron", () => {
  it("runs every n minutes past the hour, or once an hour at minute 0", () => {
    expect(sweepCron(1)).toBe("*/1 * * * *");
    expect(sweepCron(15)).toBe("*/15 * * * *");
    expect(sweepCron(60)).toBe("0 * * * *");
  });
});
