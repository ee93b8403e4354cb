/**
 * IBAN (ISO 13616): the account number a refund is paid to. Safe on client
 * and server.
 */

/** Lengths of the IBANs of the SEPA countries a contributor is most likely to give; others are 15–34 characters. */
const COUNTRY_LENGTHS: Record<string, number> = {
  IT: 27,
  SM: 27,
  VA: 22,
  DE: 22,
  FR: 27,
  ES: 24,
  AT: 20,
  BE: 16,
  CH: 21,
  GB: 22,
  NL: 18,
  PT: 25,
};

/** As typed ("it60 x054 2811…"): without spaces, upper case. */
export function normalizeIban(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

/** The ISO 7064 mod 97-10 remainder of the IBAN with its first four characters moved to the end, letters as 10–35. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Why a normalized IBAN is not valid, in Italian; null when it is. */
export function ibanError(iban: string): string | null {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
    return "L'IBAN inizia con la sigla del paese e due cifre di controllo, seguite da lettere e cifre (ad esempio IT60X0542811101000000123456).";
  }
  const expected = COUNTRY_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined ? iban.length !== expected : iban.length < 15 || iban.length > 34) {
    return expected !== undefined
      ? `Un IBAN ${iban.slice(0, 2)} ha ${expected} caratteri: quello indicato ne ha ${iban.length}.`
      : "L'IBAN deve avere tra 15 e 34 caratteri.";
  }
  if (mod97(iban) !== 1) return "L'IBAN non è valido: le cifre di controllo non corrispondono. Verificare di averlo copiato per intero.";
  return null;
}

/** "IT60 X054 2811 1010 0000 0123 456": in groups of four, as printed on a bank statement. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}
