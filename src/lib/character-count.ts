/** How a text's length is told against its limit, the same in the page, the live counter and the server's message. */

const itCount = new Intl.NumberFormat("it-IT", { useGrouping: "always" });

/** 4000 → "4.000": counts grouped as Italian writes them (the locale alone leaves four digits ungrouped). */
export function formatCount(count: number): string {
  return itCount.format(count);
}

/** "1.051 caratteri oltre il limite di 4.000." */
export function overLimitMessage(length: number, max: number): string {
  const excess = length - max;
  return `${formatCount(excess)} ${excess === 1 ? "carattere" : "caratteri"} oltre il limite di ${formatCount(max)}.`;
}

/** The limit before anything is counted (and without JavaScript): "Al massimo 4.000 caratteri." */
export function limitMessage(max: number): string {
  return `Al massimo ${formatCount(max)} caratteri.`;
}

/** What the counter says of a text of `length` characters: what is left, or how far beyond the limit it is. */
export function characterCountMessage(length: number, max: number): string {
  if (length > max) return overLimitMessage(length, max);
  const left = max - length;
  if (left === 0) return `Limite di ${formatCount(max)} caratteri raggiunto.`;
  return left === 1 ? `Resta 1 carattere su ${formatCount(max)}.` : `Restano ${formatCount(left)} caratteri su ${formatCount(max)}.`;
}
