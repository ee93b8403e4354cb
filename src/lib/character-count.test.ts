import { describe, expect, it } from "vitest";
import { characterCountMessage, formatCount, limitMessage, overLimitMessage } from "./character-count";

describe("character counts", () => {
  it("groups thousands as Italian writes them, four digits too", () => {
    expect([formatCount(4000), formatCount(1051), formatCount(999), formatCount(12345)]).toEqual(["4.000", "1.051", "999", "12.345"]);
  });

  it("says how far beyond the limit a text is", () => {
    expect(overLimitMessage(5051, 4000)).toBe("1.051 caratteri oltre il limite di 4.000.");
    expect(overLimitMessage(4001, 4000)).toBe("1 carattere oltre il limite di 4.000.");
  });

  it("says what is left, the limit reached, or the excess", () => {
    expect(characterCountMessage(0, 4000)).toBe("Restano 4.000 caratteri su 4.000.");
    expect(characterCountMessage(3999, 4000)).toBe("Resta 1 carattere su 4.000.");
    expect(characterCountMessage(4000, 4000)).toBe("Limite di 4.000 caratteri raggiunto.");
    expect(characterCountMessage(5051, 4000)).toBe("1.051 caratteri oltre il limite di 4.000.");
    expect(limitMessage(500)).toBe("Al massimo 500 caratteri.");
  });
});
