import { describe, expect, it } from "vitest";
import { formatIban, ibanError, normalizeIban } from "./iban";

describe("IBAN", () => {
  it.each(["IT60X0542811101000000123456", "DE89370400440532013000", "GB82WEST12345698765432", "SM86U0322509800000000270100"])(
    "accepts %s",
    (iban) => {
      expect(ibanError(iban)).toBeNull();
    },
  );

  it("normalizes what a person types", () => {
    expect(normalizeIban(" it60 x054 2811 1010 0000 0123 456 ")).toBe("IT60X0542811101000000123456");
  });

  it("refuses wrong check digits and a changed character", () => {
    expect(ibanError("IT61X0542811101000000123456")).toMatch(/cifre di controllo/);
    expect(ibanError("IT60X0542811101000000123457")).toMatch(/cifre di controllo/);
  });

  it("refuses a wrong length for the country and a malformed start", () => {
    expect(ibanError("IT60X054281110100000012345")).toBe("Un IBAN IT ha 27 caratteri: quello indicato ne ha 26.");
    expect(ibanError("1T60X0542811101000000123456")).toMatch(/sigla del paese/);
    expect(ibanError("IT60X05428-1101000000123456")).toMatch(/sigla del paese/);
    expect(ibanError("XX0012")).toBe("L'IBAN deve avere tra 15 e 34 caratteri.");
  });

  it("prints in groups of four", () => {
    expect(formatIban("IT60X0542811101000000123456")).toBe("IT60 X054 2811 1010 0000 0123 456");
  });
});
