import { describe, expect, it } from "vitest";
import { codiceFiscaleFromClaims, FISCAL_NUMBER_CLAIM, nameFromClaims } from "./identity-claims";

describe("codiceFiscaleFromClaims", () => {
  it("reads the SPID fiscal_number attribute without its TINIT- prefix", () => {
    expect(codiceFiscaleFromClaims({ [FISCAL_NUMBER_CLAIM]: "TINIT-RSSMRA80A01H501U" })).toBe("RSSMRA80A01H501U");
  });

  it("normalises case and accepts the short claim name", () => {
    expect(codiceFiscaleFromClaims({ fiscal_number: "tinit-rssmra80a01h501u" })).toBe("RSSMRA80A01H501U");
  });

  it("rejects a missing or invalid codice fiscale", () => {
    expect(codiceFiscaleFromClaims({})).toBeNull();
    expect(codiceFiscaleFromClaims({ [FISCAL_NUMBER_CLAIM]: "TINIT-RSSMRA80A01H501X" })).toBeNull();
  });
});

describe("nameFromClaims", () => {
  it("takes given and family name", () => {
    expect(nameFromClaims({ given_name: " Maria ", family_name: "Rossi" })).toEqual({
      givenName: "Maria",
      familyName: "Rossi",
    });
  });
});
