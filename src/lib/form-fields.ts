import { z } from "zod";

/**
 * Schema pieces shared by every module's `schemas.ts`: how a form or an
 * address says "not given", an id, a day and a range of days.
 */

/** Empty text becomes "not given". */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Built once: every page with an id in its address checks it, and building a zod schema costs more than using it. */
const uuidSchema = z.uuid();

/** Whether an id from an address or a form can name a record at all; anything else is simply not found. */
export function isUuid(value: unknown): boolean {
  return uuidSchema.safeParse(value).success;
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

/** A keyset cursor of a list's address (`dopo`, `prima`): base64url, short. */
export const cursor = z
  .string()
  .max(200)
  .regex(/^[\w-]+$/);

/** A search term for Prisma's `contains` (a LIKE pattern): its own %, _ and \ match only themselves. */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, "\\$&");
}

// ───────────────────────────── characters a text may hold ─────────────────────────────

/**
 * Characters no field of ours may hold: C0 and C1 control characters except
 * tab and line breaks (NUL among them, which PostgreSQL refuses in text and
 * JSON), and UTF-16 halves without their pair (not text at all).
 */
const FORBIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export const CONTROL_CHARACTERS_MESSAGE =
  "Il testo contiene caratteri di controllo non ammessi (invisibili, spesso copiati da un altro programma): nel modulo sono stati tolti, rileggere il testo e inviarlo di nuovo.";

export function hasForbiddenCharacters(value: string): boolean {
  FORBIDDEN_CHARACTERS.lastIndex = 0;
  return FORBIDDEN_CHARACTERS.test(value);
}

/** The text without the characters no field may hold. */
export function withoutForbiddenCharacters(value: string): string {
  return value.replace(FORBIDDEN_CHARACTERS, "");
}

/** Each value of a form without the characters no field may hold (what a refused form keeps). */
export function cleanValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [withoutForbiddenCharacters(name), withoutForbiddenCharacters(value)]),
  );
}

/**
 * Text a person typed in a form: line breaks as one character each (forms
 * send CRLF; the browser counts one while the person types), characters of
 * FORBIDDEN_CHARACTERS refused with CONTROL_CHARACTERS_MESSAGE (the form
 * keeps the text without them, see cleanValues). Every text field of every
 * schema starts from here; chain trim, min, max as usual.
 */
export function typedText(params?: { message?: string }) {
  return z
    .string(params?.message ? { message: params.message } : undefined)
    .overwrite((value) => value.replace(/\r\n?/g, "\n"))
    .refine((value) => !hasForbiddenCharacters(value), { message: CONTROL_CHARACTERS_MESSAGE });
}

/**
 * A search term from an address (a list's filters): characters of
 * FORBIDDEN_CHARACTERS are dropped, not refused, so that no address can
 * break a list; blank is absent; at most `max` characters, with `tooLong`.
 */
export function searchTerm(max: number, tooLong: string) {
  return z.preprocess(
    (value) => blankToUndefined(typeof value === "string" ? withoutForbiddenCharacters(value) : value),
    z.string().trim().max(max, tooLong).optional(),
  );
}
