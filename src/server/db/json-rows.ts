import { Prisma } from "@/generated/prisma/client";

// What the hand-written reads that build their row as JSON share (decisions 0054, 0057).

/** A row as JSON carries it: its timestamps as text (PostgreSQL writes `timestamp` columns in ISO 8601, without zone: UTC). */
export type WithDatesAsText<T> = T extends Date
  ? string
  : T extends Prisma.JsonValue
    ? T
    : T extends (infer Item)[]
      ? WithDatesAsText<Item>[]
      : T extends object
        ? { [Key in keyof T]: WithDatesAsText<T[Key]> }
        : T;

/** A timestamp of a JSON row as a date. */
export const utc = (text: string): Date => new Date(`${text}Z`);

/** `row` with the named timestamps, text in the JSON, as dates (a null stays null). */
export function withDatesAt<Row extends object, Key extends keyof Row>(
  row: Row,
  keys: readonly Key[],
): Omit<Row, Key> & { [Name in Key]: null extends Row[Name] ? Date | null : Date } {
  const revived: Record<PropertyKey, unknown> = { ...(row as Record<PropertyKey, unknown>) };
  for (const key of keys) revived[key] = row[key] === null ? null : utc(row[key] as string);
  return revived as Omit<Row, Key> & { [Name in Key]: null extends Row[Name] ? Date | null : Date };
}

/** A person's or an operator's name, as nameJson gives it. */
export type Name = { givenName: string; familyName: string };

/** A person's or an operator's name as JSON, from the row `alias`. */
export const nameJson = (alias: string) =>
  Prisma.raw(`json_build_object('givenName', ${alias}."givenName", 'familyName', ${alias}."familyName")`);
