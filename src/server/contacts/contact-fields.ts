import { z } from "zod";
import { blankToUndefined, typedText } from "@/lib/form-fields";

/**
 * The contact fields a person keeps (Contatti, F11) and a request carries:
 * e-mail, PEC, mobile, landline and fax, each optional, validated and
 * normalised the same way wherever they are typed.
 */

export const EMAIL_MAX_LENGTH = 254;
/** "+39 " and up to 11 digits, with room for the spaces people type. */
export const PHONE_MAX_LENGTH = 20;

export const contactHints = {
  email: "Ad esempio nome.cognome@example.it.",
  pec: "Indirizzo di posta elettronica certificata.",
  mobile: "Numero italiano, con o senza +39, ad esempio 333 1234567.",
  landline: "Numero italiano con il prefisso, ad esempio 06 12345678.",
  fax: "Numero italiano con il prefisso.",
  extraEmail: "Un secondo indirizzo che riceverà gli avvisi, ad esempio quello del tuo studio.",
} as const;

/** The national part of an Italian number: digits only, without +39 / 0039. */
function nationalDigits(value: string): string | null {
  const compact = value.replace(/[\s./()-]/g, "");
  const national = compact.replace(/^(\+39|0039)/, "");
  return /^\d+$/.test(national) ? national : null;
}

/** Italian mobile numbers start with 3 and have 9 or 10 digits. */
export function normalizeMobile(value: string): string | null {
  const digits = nationalDigits(value);
  return digits && /^3\d{8,9}$/.test(digits) ? `+39${digits}` : null;
}

/** Italian fixed numbers start with 0 (the area code) and have 6 to 11 digits. */
export function normalizeLandline(value: string): string | null {
  const digits = nationalDigits(value);
  return digits && /^0\d{5,10}$/.test(digits) ? `+39${digits}` : null;
}

export function optionalEmail(message: string) {
  return z.preprocess(
    blankToUndefined,
    typedText()
      .trim()
      .max(EMAIL_MAX_LENGTH, `L'indirizzo può contenere al massimo ${EMAIL_MAX_LENGTH} caratteri.`)
      .pipe(z.email(message))
      .transform((email) => email.toLowerCase())
      .optional(),
  );
}

export function optionalPhone(normalize: (value: string) => string | null, message: string) {
  return z.preprocess(
    blankToUndefined,
    typedText()
      .trim()
      .max(PHONE_MAX_LENGTH, message)
      .transform((value, context) => {
        const normalized = normalize(value);
        if (normalized) return normalized;
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      })
      .optional(),
  );
}

export const contactFieldsSchema = z.object({
  email: optionalEmail("Indicare un indirizzo e-mail valido, ad esempio nome.cognome@example.it."),
  pec: optionalEmail("Indicare un indirizzo PEC valido, ad esempio nome.cognome@pec.example.it."),
  mobile: optionalPhone(normalizeMobile, "Indicare un numero di cellulare italiano valido, ad esempio 333 1234567."),
  landline: optionalPhone(normalizeLandline, "Indicare un numero di telefono fisso italiano valido, con il prefisso."),
  fax: optionalPhone(normalizeLandline, "Indicare un numero di fax italiano valido, con il prefisso."),
});
