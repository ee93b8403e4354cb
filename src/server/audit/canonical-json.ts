/** A value an administrative change records: JSON data, dates written as ISO strings. */
export type RecordedValue = string | number | boolean | null | Date | RecordedValue[] | { [key: string]: RecordedValue | undefined };

function sortedValue(value: RecordedValue | undefined): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortedValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => value[key] !== undefined)
        .sort()
        .map((key) => [key, sortedValue(value[key])]),
    );
  }
  return value;
}

/**
 * JSON text with the keys of every object sorted and undefined members left
 * out: the same values always give the same text, so an entry's hash does
 * not depend on the order a service built its object in.
 */
export function canonicalJson(value: RecordedValue): string {
  return JSON.stringify(sortedValue(value));
}
