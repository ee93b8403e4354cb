import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

const withCode = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { code, ...extra });

describe("isDatabaseUnavailable", () => {
  it("recognises the bounded waits running out, wherever they ran out", () => {
    expect(isDatabaseUnavailable(withCode("Transaction API error: Unable to start a transaction in the given time.", "P2028"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Query read timeout"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("canceling statement due to statement timeout", "57014"))).toBe(true);
  });

  it("looks into the causes and the driver error Prisma carries", () => {
    const driver = {
      kind: "postgres",
      code: "57P01",
      originalCode: "57P01",
      message: "terminating connection due to administrator command",
    };
    expect(isDatabaseUnavailable(withCode("Raw query failed", "P2010", { meta: { driverAdapterError: { cause: driver } } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { kind: "DatabaseNotReachable" } }))).toBe(true);
  });

  it("leaves refusals of the data and bugs alone", () => {
    expect(isDatabaseUnavailable(withCode("Unique constraint failed on the fields: (`protocolNumber`)", "P2002"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("null value in column violates not-null constraint", "23502"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
