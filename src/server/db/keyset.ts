/**
 * Keyset pagination shared by the lists: a page starts beyond the sort value
 * and id of the row just outside it, so a page costs the same at the first
 * row and at the millionth (decision 0023). The cursor travels in the address
 * (`dopo` / `prima`) as base64url JSON.
 */
import { hasForbiddenCharacters, isUuid } from "@/lib/form-fields";

export type KeysetCursor = { value: string; id: string };
export type SortDirection = "asc" | "desc";

export function encodeKeysetCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify({ value, id })).toString("base64url");
}

/**
 * A cursor a list wrote, or null (a hand-edited one just shows the first
 * page). `isValue` tells whether the value suits the sort column: whatever
 * reaches the query must be a value the database takes.
 */
export function decodeKeysetCursor(encoded: string | undefined, isValue: (value: string) => boolean): KeysetCursor | null {
  if (!encoded) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return null;
    const { value, id } = parsed as Record<string, unknown>;
    if (typeof value !== "string" || typeof id !== "string" || !isUuid(id) || hasForbiddenCharacters(value) || !isValue(value)) {
      return null;
    }
    return { value, id };
  } catch {
    return null;
  }
}

/** How a cursor carries a date: `toISOString()` of a stored instant (a four-digit year, not 0000: PostgreSQL holds it). */
const ISO_INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Whether a cursor's value is a date a list wrote. Anything else — "+275760-…",
 * a year PostgreSQL cannot hold — would reach the query and fail there.
 */
export const isDateValue = (value: string) => ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));

/**
 * Rows strictly beyond (value, id) in `direction` of (column, id), written
 * with a bound on the column alone that PostgreSQL uses to start the index
 * scan at the cursor (an OR alone would be a filter over every row).
 */
export function beyondKeyset<Column extends string>(column: Column, direction: SortDirection, value: Date, id: string) {
  const op = direction === "asc" ? "gt" : "lt";
  const orEqual = direction === "asc" ? "gte" : "lte";
  return {
    [column]: { [orEqual]: value },
    OR: [{ [column]: { [op]: value } }, { id: { [op]: id } }],
  } as { [K in Column]: { gte?: Date; lte?: Date } } & {
    OR: ({ [K in Column]: { gt?: Date; lt?: Date } } | { id: { gt?: string; lt?: string } })[];
  };
}

export const reverseDirection = (direction: SortDirection): SortDirection => (direction === "asc" ? "desc" : "asc");

/**
 * The page from the rows found (up to `size + 1`, in the order read: reversed
 * when paging back), and whether there are pages before and after it.
 */
export function keysetPage<Row>(found: Row[], size: number, cursors: { after: unknown; before: unknown }) {
  const more = found.length > size;
  const rows = found.slice(0, size);
  if (cursors.before) rows.reverse();
  return {
    rows,
    hasNext: cursors.before ? true : more,
    hasPrevious: cursors.before ? more : cursors.after !== null,
  };
}
