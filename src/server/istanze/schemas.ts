import { z } from "zod";
import { MAX_EURO_CENTS, formatEuroCents, parseEuroCents } from "@/lib/euro-amount";
import { blankToUndefined, typedText } from "@/lib/form-fields";
import { ibanError, normalizeIban } from "@/lib/iban";
import { formatMonthYear, monthYearOf, parseMonthYear } from "@/lib/month-year";
import { contactsSchema, idempotencyKeyField, requestText, uuidField } from "@/server/requests/schemas";
import { controlNames, type InstanceField, type InstanceKind } from "./kinds";

/** The inputs of an Istanza online: each kind's form as a zod schema, built from its definition (kinds.ts). */

export const EURO_FORMAT_MESSAGE = "Scrivere l'importo in euro con la virgola per i centesimi, ad esempio 1.234,56.";
export const MONTH_FORMAT_MESSAGE = "Indicare il mese nel formato MM/AAAA, ad esempio 03/2025.";
export const PERIOD_ORDER_MESSAGE = "Il mese finale non può precedere quello iniziale.";
export const PERIOD_FUTURE_MESSAGE = "Il periodo non può comprendere mesi futuri.";

/** A value a person must give: blank is `missing`; text without the characters no field may hold, trimmed. */
const given = (missing: string) => z.preprocess(blankToUndefined, typedText({ message: missing }).trim());

function refused(context: z.RefinementCtx, message: string): never {
  context.addIssue({ code: "custom", message });
  return z.NEVER;
}

function euroField(field: Extract<InstanceField, { type: "euro" }>) {
  return given(field.missing).transform((value, context) => {
    const cents = parseEuroCents(value);
    if (cents === null) return refused(context, EURO_FORMAT_MESSAGE);
    if (cents < field.minCents) return refused(context, `L'importo deve essere di almeno ${formatEuroCents(field.minCents)}.`);
    if (cents > MAX_EURO_CENTS) return refused(context, `L'importo non può superare ${formatEuroCents(MAX_EURO_CENTS)}.`);
    return cents;
  });
}

function integerField(field: Extract<InstanceField, { type: "integer" }>) {
  const message = `Indicare un numero intero da ${field.min} a ${field.max}.`;
  return given(field.missing).transform((value, context) => {
    const number = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    return number >= field.min && number <= field.max ? number : refused(context, message);
  });
}

const monthField = (missing: string) =>
  given(missing).transform((value, context) => parseMonthYear(value) ?? refused(context, MONTH_FORMAT_MESSAGE));

function textField(field: Extract<InstanceField, { type: "text" }>) {
  const text = given(field.missing).pipe(z.string().max(field.maxLength, `Scrivere al massimo ${field.maxLength} caratteri.`));
  const { pattern } = field;
  return pattern ? text.pipe(z.string().regex(pattern.regex, pattern.message)) : text;
}

function fieldShape(field: InstanceField): Record<string, z.ZodType> {
  switch (field.type) {
    case "euro":
      return { [field.name]: euroField(field) };
    case "integer":
      return { [field.name]: integerField(field) };
    case "period": {
      const [from = "", to = ""] = controlNames(field);
      return { [from]: monthField("Indicare il mese iniziale del periodo."), [to]: monthField("Indicare il mese finale del periodo.") };
    }
    case "iban":
      return {
        [field.name]: given(field.missing)
          .transform(normalizeIban)
          .transform((iban, context) => {
            const error = ibanError(iban);
            return error ? refused(context, error) : iban;
          }),
      };
    case "text":
      return { [field.name]: textField(field) };
    case "choice":
      return {
        [field.name]: z.preprocess(
          blankToUndefined,
          z.enum(field.options.map((option) => option.value) as [string, ...string[]], { message: field.missing }),
        ),
      };
  }
}

/**
 * The form of a kind: the contacts, consents and key of every request, the
 * position, the reasons (the request's text) and the kind's own fields.
 * Periods are checked as ranges — in order, from the field's first year, no
 * month after the current one in Rome (`now`) — also when another field is
 * wrong, so that every mistake is reported at once.
 */
export function instanceSchema(kind: InstanceKind, now: Date) {
  const periods = kind.fields.filter((field) => field.type === "period");
  const currentMonth = monthYearOf(now);
  return contactsSchema
    .extend({
      positionId: uuidField("Scegliere la posizione contributiva."),
      text: requestText,
      idempotencyKey: idempotencyKeyField,
      ...(Object.assign({}, ...kind.fields.map(fieldShape)) as Record<string, z.ZodType>),
    })
    .superRefine(
      (parsed, context) => {
        const value: Record<string, unknown> = parsed;
        for (const field of periods) {
          const [from = "", to = ""] = controlNames(field);
          const start = value[from];
          const end = value[to];
          const first = `${field.type === "period" ? field.firstYear : ""}-01`;
          if (typeof start === "string" && start < first) {
            context.addIssue({ code: "custom", path: [from], message: `Il periodo non può iniziare prima di ${formatMonthYear(first)}.` });
          }
          if (typeof end === "string" && end > currentMonth)
            context.addIssue({ code: "custom", path: [to], message: PERIOD_FUTURE_MESSAGE });
          else if (typeof start === "string" && typeof end === "string" && end < start) {
            context.addIssue({ code: "custom", path: [to], message: PERIOD_ORDER_MESSAGE });
          }
        }
      },
      { when: () => true },
    );
}

/** The stored values of a kind's fields out of its parsed form (cents, "2025-03", the IBAN without spaces). */
export function instanceValues(kind: InstanceKind, parsed: Record<string, unknown>): Record<string, string | number> {
  return Object.fromEntries(
    kind.fields.flatMap(controlNames).map((name) => {
      const value = parsed[name];
      return [name, typeof value === "number" ? value : String(value)];
    }),
  );
}
