import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isUuid, likeLiteral, optionalIsoDay, refineDayRanges } from "./form-fields";

describe("isUuid", () => {
  it("tells an id from anything else", () => {
    expect(isUuid(randomUUID())).toBe(true);
    for (const value of ["", "non-un-id", "../../etc/passwd", `${randomUUID()}x`, 42, null]) expect(isUuid(value)).toBe(false);
  });
});

describe("optionalIsoDay", () => {
  const day = optionalIsoDay("Data non valida.");

  it("takes a calendar day, and blank as absent", () => {
    expect(day.parse("2027-02-28")).toBe("2027-02-28");
    expect(day.parse("  ")).toBeUndefined();
    expect(day.parse(undefined)).toBeUndefined();
  });

  it("refuses a day that is not on the calendar, or not a day, with its message", () => {
    for (const value of ["2027-02-30", "2027-13-01", "28/02/2027", "domani"]) {
      expect(day.safeParse(value).error?.issues[0]?.message).toBe("Data non valida.");
    }
  });
});

describe("refineDayRanges", () => {
  const schema = z
    .object({ dal: optionalIsoDay(), al: optionalIsoDay() })
    .superRefine((value, context) => refineDayRanges(value, [["dal", "al"]], context));

  it("puts a range in the wrong order at its end, and lets an open or ordered range through", () => {
    const reversed = schema.safeParse({ dal: "2026-05-02", al: "2026-05-01" });
    expect(reversed.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [["al"], "La data finale non può precedere quella iniziale."],
    ]);
    expect(schema.safeParse({ dal: "2026-05-01", al: "2026-05-01" }).success).toBe(true);
    expect(schema.safeParse({ dal: "2026-05-01" }).success).toBe(true);
  });
});

describe("likeLiteral", () => {
  it("escapes the LIKE wildcards and the escape character, nothing else", () => {
    expect(likeLiteral("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(likeLiteral("Rossi Mario")).toBe("Rossi Mario");
  });
});
