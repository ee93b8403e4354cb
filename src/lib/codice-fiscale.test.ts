import { describe, expect, it } from "vitest";
import {
  codiceFiscaleError,
  codiceFiscaleSchema,
  computeCheckCharacter,
  isValidCodiceFiscale,
  normalizeCodiceFiscale,
} from "./codice-fiscale";

describe("codice fiscale of a natural person", () => {
  it.each(["RSSMRA85T10A562S", "RSSMRA80A01H501U", "MRTMTT25D09F205Z", "BNCGLI85C62F205V"])("accepts %s", (code) => {
    expect(codiceFiscaleError(code)).toBeNull();
  });

  it("computes the check character with the odd/even tables", () => {
    expect(computeCheckCharacter("RSSMRA85T10A562")).toBe("S");
    expect(computeCheckCharacter("RSSMRA80A01H501")).toBe("U");
    expect(() => computeCheckCharacter("RSSMRA85")).toThrow();
  });

  it("rejects a wrong check character", () => {
    expect(codiceFiscaleError("RSSMRA85T10A562T")).toBe("Il carattere di controllo del codice fiscale non è corretto");
  });

  it.each(["RSSMRA85T10A562", "RSSMRA85T10A562SX", "RSSMRA"])("rejects %s for its length", (code) => {
    expect(codiceFiscaleError(code)).toBe("Il codice fiscale deve essere di 16 caratteri");
  });

  it("rejects characters other than letters and digits", () => {
    expect(codiceFiscaleError("RSSMRA85T10A562-")).toBe("Il codice fiscale può contenere solo lettere e cifre");
    expect(codiceFiscaleError("RSS MRA85T10A562S")).toBe("Il codice fiscale può contenere solo lettere e cifre");
  });

  it("says which position holds the wrong kind of character", () => {
    expect(codiceFiscaleError("R5SMRA85T10A562S")).toBe("Il carattere in posizione 2 del codice fiscale deve essere una lettera");
    expect(codiceFiscaleError("RSSMRA8AT10A562S")).toBe("Il carattere in posizione 8 del codice fiscale deve essere una cifra");
    expect(codiceFiscaleError("RSSMRA85T10A5624")).toBe("Il carattere in posizione 16 del codice fiscale deve essere una lettera");
  });

  it("rejects an impossible month or day of birth", () => {
    expect(codiceFiscaleError("RSSMRA85F10A562S")).toBe("Il mese di nascita nel codice fiscale non è valido");
    expect(codiceFiscaleError("RSSMRA85T35A562S")).toBe("Il giorno di nascita nel codice fiscale non è valido");
    expect(codiceFiscaleError("RSSMRA85T00A562S")).toBe("Il giorno di nascita nel codice fiscale non è valido");
  });

  it("accepts omocodia substitutions in the digit positions", () => {
    const first15 = "RSSMRA85T10A56N"; // the last digit 2 replaced by N
    const code = first15 + computeCheckCharacter(first15);
    expect(code).toBe("RSSMRA85T10A56NH");
    expect(isValidCodiceFiscale(code)).toBe(true);
    const allSubstituted = "RSSMRAURTMLARNP"; // every digit position substituted
    expect(isValidCodiceFiscale(allSubstituted + computeCheckCharacter(allSubstituted))).toBe(true);
  });

  it("rejects omocodia letters that are not in LMNPQRSTUV", () => {
    expect(codiceFiscaleError("RSSMRA85T10A56KH")).toBe("Il carattere in posizione 15 del codice fiscale deve essere una cifra");
  });
});

describe("numeric codice fiscale of a company", () => {
  it.each(["80078750587", "06363391001", "00743110157"])("accepts %s", (code) => {
    expect(codiceFiscaleError(code)).toBeNull();
  });

  it("rejects a wrong check digit", () => {
    expect(codiceFiscaleError("80078750588")).toBe("La cifra di controllo del codice fiscale non è corretta");
  });

  it("rejects a wrong number of digits", () => {
    expect(codiceFiscaleError("8007875058")).toBe("Il codice fiscale numerico deve essere di 11 cifre");
  });
});

describe("normalisation and schema", () => {
  it("trims and upper-cases", () => {
    expect(normalizeCodiceFiscale("  rssmra85t10a562s ")).toBe("RSSMRA85T10A562S");
    expect(codiceFiscaleError(" rssmra85t10a562s")).toBeNull();
  });

  it("rejects an empty value", () => {
    expect(codiceFiscaleError("   ")).toBe("Il codice fiscale è obbligatorio");
  });

  it("parses to the normalised code", () => {
    expect(codiceFiscaleSchema.parse(" rssmra85t10a562s ")).toBe("RSSMRA85T10A562S");
    expect(codiceFiscaleSchema.parse("80078750587")).toBe("80078750587");
  });

  it("reports the precise Italian message", () => {
    const result = codiceFiscaleSchema.safeParse("RSSMRA85T10A562T");
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Il carattere di controllo del codice fiscale non è corretto"]);
    expect(codiceFiscaleSchema.safeParse(undefined).error?.issues[0]?.message).toBe("Il codice fiscale è obbligatorio");
  });
});
