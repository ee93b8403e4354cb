/**
 * Amounts in euro as people in Italy type and read them ("1.234,56"), held
 * as whole cents. Safe on client and server.
 */

const WITH_THOUSANDS = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/;
const PLAIN = /^\d+(,\d{1,2})?$/;

/** The largest amount a form takes: a billion euro, well within exact integers. */
export const MAX_EURO_CENTS = 100_000_000_000;

/**
 * Cents of an amount typed "1.234,56", "1234,5", "1234" or "€ 1.234,56";
 * null when it is not one (a dot as decimal separator, more than two
 * decimals, letters). The dot groups thousands only.
 */
export function parseEuroCents(value: string): number | null {
  const text = value.replace(/€/g, "").replace(/\s+/g, "");
  if (!WITH_THOUSANDS.test(text) && !PLAIN.test(text)) return null;
  const [units = "", decimals = ""] = text.replace(/\./g, "").split(",");
  if (units.length > 12) return null;
  return Number(units) * 100 + Number(decimals.padEnd(2, "0"));
}

const euroFormat = new Intl.NumberFormat("it-IT", { style: "currency", currency: "EUR", useGrouping: "always" });

/** "1.234,56 €". */
export function formatEuroCents(cents: number): string {
  return euroFormat.format(cents / 100);
}
