import { z } from "zod";
import { Gestione, PreferredChannel } from "@/generated/prisma/enums";
import { verificationCodeField } from "@/server/delegations/schemas";
import { contactFieldsSchema } from "./contact-fields";

/** The form of one gestione's Contatti: the addresses, the preferred channel and the holder's notices. */
export const updateContactsSchema = contactFieldsSchema.extend({
  gestione: z.enum(Gestione, { error: "Gestione non valida." }),
  preferredChannel: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(PreferredChannel, { error: "Scegliere il canale preferito tra e-mail, PEC e SMS." }).optional(),
  ),
  /** Ticked: the holder wants to hear about what delegates do in their name. */
  holderNotices: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
});

/** The form's fields as posted: text, checked by the schema. */
export type UpdateContactsInput = Partial<Record<keyof z.input<typeof updateContactsSchema>, string>>;

/** The code sent to a new e-mail, PEC or mobile. */
export const confirmContactChangeSchema = z.object({
  changeId: z.uuid({ error: "Modifica non valida." }),
  code: verificationCodeField,
});

/** A delegate's new e-mail, PEC or mobile to verify, for a gestione they act in. */
export const contactVerificationSchema = contactFieldsSchema.pick({ email: true, pec: true, mobile: true }).extend({
  gestione: z.enum(Gestione, { error: "Gestione non valida." }),
});

export type ContactVerificationInput = Partial<Record<keyof z.input<typeof contactVerificationSchema>, string>>;
