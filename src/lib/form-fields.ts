import { z } from "zod";

/**
 * Schema pieces shared by every module's `schemas.ts`: how a form or an
 * address says "not given", an id, a day and a range of days.
 */

/** Empty text becomes "not given". */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Whether an id from an address or a form can name a record at all; anything else is simply not found. */
export function isUuid(value: unknown): boolean {
  return z.uuid().safeParse(value).success;
}

/** An optional calendar day (yyyy-mm-dd, as date inputs send it); blank is absent, 2027-02-30 is refused. */
export function optionalIsoDay(message = "Indicare una data valida (gg/mm/aaaa).") {
  return z.preprocess(blankToUndefined, z.iso.date({ error: message }).optional());
}

const isDay = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * For a schema's superRefine: each [from, to] pair of days given in the wrong
 * order gets a message at `to`. Days that are not valid have their own message.
 */
export function refineDayRanges<Key extends string>(
  value: Partial<Record<Key, unknown>>,
  ranges: readonly (readonly [Key, Key])[],
  context: z.RefinementCtx,
): void {
  for (const [from, to] of ranges) {
    const start = value[from];
    const end = value[to];
    if (isDay(start) && isDay(end) && start > end) {
      context.addIssue({ code: "custom", path: [to], message: "La data finale non può precedere quella iniziale." });
    }
  }
}

/** A search term for Prisma's `contains` (a LIKE pattern): its own %, _ and \ match only themselves. */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, "\\$&");
}
