import { describe, expect, it } from "vitest";
import { firstValue, firstValues } from "./search-params";

describe("search parameters", () => {
  it("keep the first value of a repeated parameter and drop absent ones", () => {
    expect(firstValue(["a", "b"])).toBe("a");
    expect(firstValue(undefined)).toBeUndefined();
    expect(firstValues({ stato: ["aperta", "chiusa"], cerca: "RSS", vuoto: undefined, nessuno: [] })).toEqual({
      stato: "aperta",
      cerca: "RSS",
    });
  });
});
