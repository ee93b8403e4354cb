import { describe, expect, it } from "vitest";
import { decodeKeysetCursor, encodeKeysetCursor, isDateValue } from "./keyset";

const id = "01a24b8c-6c4f-73be-ac46-90963186900f";

describe("a list's cursor", () => {
  it("gives back the date and id a list wrote", () => {
    const value = new Date("2026-03-01T09:30:00Z").toISOString();
    expect(decodeKeysetCursor(encodeKeysetCursor(value, id), isDateValue)).toEqual({ value, id });
  });

  it("is no cursor when its date is not one a list writes, PostgreSQL's range included", () => {
    for (const value of [
      "non una data",
      "2026-03-01",
      "-200000-01-01T00:00:00.000Z",
      "+275000-01-01T00:00:00.000Z",
      "0000-01-01T00:00:00.000Z",
      "2026-13-01T00:00:00.000Z",
    ]) {
      expect(decodeKeysetCursor(encodeKeysetCursor(value, id), isDateValue)).toBeNull();
    }
  });

  it("is no cursor when its id is not a uuid or it was not written by a list", () => {
    expect(decodeKeysetCursor(encodeKeysetCursor(new Date().toISOString(), "1 OR 1=1"), isDateValue)).toBeNull();
    expect(decodeKeysetCursor("non-un-cursore", isDateValue)).toBeNull();
  });
});
