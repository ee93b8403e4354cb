import { z } from "zod";
import { Gestione, NotificationChannel } from "@/generated/prisma/enums";
import { blankToUndefined } from "@/lib/form-fields";
import { requiredText, uuidField } from "@/server/requests/schemas";

/** Inputs of the offices, competence and per-gestione settings pages, shared by their forms and services (decision 0044). */

export const BROKEN_FORM = "Il modulo non è valido: ricaricare la pagina.";
export const STALE_OFFICE = "La sede è stata modificata da un altro amministratore: ricaricare la pagina e ripetere la modifica.";
export const STALE_SETTINGS =
  "Le impostazioni sono state modificate da un altro amministratore: ricaricare la pagina e ripetere la modifica.";

/** The largest version the database column (int4) holds. */
const MAX_VERSION = 2_147_483_647;
const MB = 1024 * 1024;
/** What one attachment may weigh at most, whatever an administrator sets. */
export const MAX_MEGABYTES_PER_FILE = 50;

/** The version the administrator saw, from the form's hidden field. */
export const expectedVersionField = z.preprocess(
  blankToUndefined,
  z.coerce.number({ message: BROKEN_FORM }).int(BROKEN_FORM).min(1, BROKEN_FORM).max(MAX_VERSION, BROKEN_FORM),
);

/** The form field holding the provinces an office serves in a gestione. */
export const provincesField = (gestione: Gestione) => `province_${gestione}` as const;

const PROVINCE = /^[A-Z]{2}$/;

/** "RM, lt FR" → ["FR", "LT", "RM"]; a sigla that is not two letters is refused by name. */
const provincesList = z.preprocess(
  (value) => (typeof value === "string" ? value : ""),
  z
    .string()
    .transform((value) =>
      [
        ...new Set(
          value
            .toUpperCase()
            .split(/[\s,;]+/)
            .filter(Boolean),
        ),
      ].sort(),
    )
    .superRefine((siglas, context) => {
      const wrong = siglas.filter((sigla) => !PROVINCE.test(sigla));
      if (wrong.length > 0) {
        context.addIssue({
          code: "custom",
          message: `Sigle di provincia non valide: ${wrong.join(", ")}. Indicare sigle di due lettere separate da virgole, ad esempio RM, LT.`,
        });
      }
    }),
);

const officeFields = {
  name: requiredText("Indicare il nome della sede.", 200, "Il nome è troppo lungo"),
  region: requiredText("Indicare la regione.", 100, "La regione è troppo lunga"),
  city: requiredText("Indicare il comune.", 100, "Il comune è troppo lungo"),
  address: requiredText("Indicare l'indirizzo della sede.", 300, "L'indirizzo è troppo lungo"),
  ...(Object.fromEntries(Object.values(Gestione).map((gestione) => [provincesField(gestione), provincesList])) as Record<
    ReturnType<typeof provincesField>,
    typeof provincesList
  >),
};

/** A new office: its AOO code (four digits, unique), name, address and the provinces it serves per gestione. */
export const createOfficeSchema = z.object({
  code: z
    .string({ message: "Indicare il codice AOO." })
    .trim()
    .regex(/^\d{4}$/, "Il codice AOO è di quattro cifre, ad esempio 7000."),
  ...officeFields,
});

/** An office's change: the same fields but the code (protocol numbers carry it), with the version shown. */
export const updateOfficeSchema = z.object({
  officeId: uuidField(BROKEN_FORM),
  expectedVersion: expectedVersionField,
  ...officeFields,
});

/** What happens to the open quesiti of a province whose competence moves. */
export const openQuesitiChoices = ["RESTANO", "SEGUONO"] as const;

/** Moving a province's competence, in one gestione, to another office. */
export const moveCompetenceSchema = z.object({
  gestione: z.enum(Gestione, { error: "Scegliere la gestione." }),
  province: z
    .string({ message: "Indicare la provincia." })
    .trim()
    .toUpperCase()
    .regex(PROVINCE, "Indicare la sigla di due lettere della provincia, ad esempio RM."),
  toOfficeId: uuidField("Scegliere la sede che diventa competente."),
  openQuesiti: z.enum(openQuesitiChoices, { error: "Scegliere che cosa succede ai quesiti aperti della provincia." }),
});

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
const wholeNumber = (missing: string, min: number, max: number, range: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ message: missing }).int(range).min(min, range).max(max, range));

/** The form field of each notification channel's checkbox. */
export const channelField = (channel: NotificationChannel) => `canale_${channel}` as const;

/** A gestione's limits and rules; the weight per file in megabytes, stored in bytes. */
export const gestioneSettingsSchema = z
  .object({
    gestione: z.enum(Gestione, { error: BROKEN_FORM }),
    expectedVersion: expectedVersionField,
    maxFiles: wholeNumber("Indicare quanti file si possono allegare.", 1, 20, "Indicare un numero intero di file da 1 a 20."),
    maxMegabytesPerFile: z.preprocess(
      (value) => (typeof value === "string" ? blankToUndefined(value.replace(",", ".")) : value),
      z.coerce
        .number({ message: "Indicare la dimensione massima di un file in MB." })
        .min(0.1, `Indicare una dimensione da 0,1 a ${MAX_MEGABYTES_PER_FILE} MB.`)
        .max(MAX_MEGABYTES_PER_FILE, `Indicare una dimensione da 0,1 a ${MAX_MEGABYTES_PER_FILE} MB.`),
    ),
    pecRequired: checkbox,
    emailOrPhoneRequired: checkbox,
    ...(Object.fromEntries(Object.values(NotificationChannel).map((channel) => [channelField(channel), checkbox])) as Record<
      ReturnType<typeof channelField>,
      typeof checkbox
    >),
    maxResponseWorkingDays: wholeNumber(
      "Indicare il tempo massimo di risposta in giorni lavorativi.",
      1,
      365,
      "Indicare un numero intero di giorni lavorativi da 1 a 365.",
    ),
  })
  .transform(({ maxMegabytesPerFile, ...values }, context) => {
    const notificationChannels = Object.values(NotificationChannel).filter((channel) => values[channelField(channel)]);
    if (notificationChannels.length === 0) {
      context.addIssue({
        code: "custom",
        path: [channelField("EMAIL")],
        message: "Consentire almeno un canale: senza, i contribuenti non riceverebbero alcun avviso.",
      });
      return z.NEVER;
    }
    return {
      gestione: values.gestione,
      expectedVersion: values.expectedVersion,
      maxFiles: values.maxFiles,
      maxBytesPerFile: Math.round(maxMegabytesPerFile * MB),
      pecRequired: values.pecRequired,
      emailOrPhoneRequired: values.emailOrPhoneRequired,
      notificationChannels,
      maxResponseWorkingDays: values.maxResponseWorkingDays,
    };
  });

/** Bytes as the form's megabytes: "3", "1,5". */
export function megabytesLabel(bytes: number): string {
  return (bytes / MB).toLocaleString("it-IT", { maximumFractionDigits: 2 });
}
