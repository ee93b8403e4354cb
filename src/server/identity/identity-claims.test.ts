import { describe, expect, it } from "vitest";
import { FISCAL_NUMBER_CLAIM, nameFromClaims, readFiscalNumber } from "./identity-claims";

describe("readFiscalNumber", () => {
  it("reads the SPID fiscal_number attribute without its TINIT- prefix", () => {
    expect(readFiscalNumber({ [FISCAL_NUMBER_CLAIM]: "TINIT-RSSMRA80A01H501U" })).toEqual({
      ok: true,
      codiceFiscale: "RSSMRA80A01H501U",
    });
  });

  it("normalises case and accepts the short claim name", () => {
    expect(readFiscalNumber({ fiscal_number: "tinit-rssmra80a01h501u" })).toEqual({ ok: true, codiceFiscale: "RSSMRA80A01H501U" });
  });

  it("says why there is no codice fiscale: missing, malformed or invalid", () => {
    expect(readFiscalNumber({})).toEqual({ ok: false, problem: "fiscal-number-missing" });
    expect(readFiscalNumber({ [FISCAL_NUMBER_CLAIM]: "" })).toEqual({ ok: false, problem: "fiscal-number-missing" });
    expect(readFiscalNumber({ [FISCAL_NUMBER_CLAIM]: "RSSMRA80A01H501U" })).toEqual({ ok: false, problem: "fiscal-number-malformed" });
    expect(readFiscalNumber({ [FISCAL_NUMBER_CLAIM]: ["TINIT-RSSMRA80A01H501U"] })).toEqual({
      ok: false,
      problem: "fiscal-number-malformed",
    });
    expect(readFiscalNumber({ [FISCAL_NUMBER_CLAIM]: "TINIT-RSSMRA80A01H501X" })).toEqual({ ok: false, problem: "codice-fiscale-invalid" });
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
