import { z } from "zod";

/**
 * Codice fiscale checks shared by forms and server: the 16-character code of a
 * natural person (with omocodia) and the 11-digit numeric code of a company.
 */

const DIGITS = "0123456789";
/** Letters replacing the digits 0–9 in omocodia codes. */
const OMOCODIA = "LMNPQRSTUV";
const MONTHS = "ABCDEHLMPRST";
/** 0-based positions of a person's code that hold digits (or omocodia letters). */
const DIGIT_POSITIONS = new Set([6, 7, 9, 10, 12, 13, 14]);
/** Values of A–Z in odd positions (1st, 3rd, …); the digits 0–9 count as A–J. */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

export function normalizeCodiceFiscale(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character of a person's code, from its first 15 characters. */
export function computeCheckCharacter(first15: string): string {
  if (!/^[0-9A-Z]{15}$/.test(first15)) throw new Error("Servono i primi 15 caratteri del codice fiscale");
  let sum = 0;
  for (const [index, char] of [...first15].entries()) {
    const value = DIGITS.includes(char) ? Number(char) : char.charCodeAt(0) - 65;
    sum += index % 2 === 0 ? (ODD_VALUES[value] ?? 0) : value;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The check digit of a company's numeric code, from its first 10 digits. */
function companyCheckDigit(first10: string): number {
  let sum = 0;
  for (const [index, char] of [...first10].entries()) {
    const digit = Number(char);
    const doubled = digit * 2;
    sum += index % 2 === 0 ? digit : doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
}

/** Decodes a digit-position pair, undoing omocodia substitutions. */
function decodeNumber(chars: string): number {
  return Number([...chars].map((char) => (OMOCODIA.includes(char) ? OMOCODIA.indexOf(char) : char)).join(""));
}

function personError(code: string): string | null {
  if (code.length !== 16) return "Il codice fiscale deve essere di 16 caratteri";
  for (const [index, char] of [...code.slice(0, 15)].entries()) {
    const position = index + 1;
    if (DIGIT_POSITIONS.has(index)) {
      if (!DIGITS.includes(char) && !OMOCODIA.includes(char)) {
        return `Il carattere in posizione ${position} del codice fiscale deve essere una cifra`;
      }
    } else if (DIGITS.includes(char)) {
      return `Il carattere in posizione ${position} del codice fiscale deve essere una lettera`;
    }
  }
  if (!MONTHS.includes(code.charAt(8))) return "Il mese di nascita nel codice fiscale non è valido";
  const day = decodeNumber(code.slice(9, 11));
  if (day < 1 || (day > 31 && day < 41) || day > 71) return "Il giorno di nascita nel codice fiscale non è valido";
  if (!/[A-Z]/.test(code.charAt(15))) return "Il carattere in posizione 16 del codice fiscale deve essere una lettera";
  if (computeCheckCharacter(code.slice(0, 15)) !== code.charAt(15)) {
    return "Il carattere di controllo del codice fiscale non è corretto";
  }
  return null;
}

function companyError(code: string): string | null {
  if (code.length !== 11) return "Il codice fiscale numerico deve essere di 11 cifre";
  if (companyCheckDigit(code.slice(0, 10)) !== Number(code.charAt(10))) {
    return "La cifra di controllo del codice fiscale non è corretta";
  }
  return null;
}

/** Why a codice fiscale is not valid, in Italian, or null when it is. Normalises first. */
export function codiceFiscaleError(value: string): string | null {
  const code = normalizeCodiceFiscale(value);
  if (code === "") return "Il codice fiscale è obbligatorio";
  if (!/^[0-9A-Z]+$/.test(code)) return "Il codice fiscale può contenere solo lettere e cifre";
  return /^[0-9]+$/.test(code) ? companyError(code) : personError(code);
}

export function isValidCodiceFiscale(value: string): boolean {
  return codiceFiscaleError(value) === null;
}

/** A person's or a company's codice fiscale, normalised (trimmed, upper case) and validated. */
export const codiceFiscaleSchema = z
  .string({ error: "Il codice fiscale è obbligatorio" })
  .trim()
  .toUpperCase()
  .superRefine((code, context) => {
    const error = codiceFiscaleError(code);
    if (error) context.addIssue({ code: "custom", message: error });
  });
