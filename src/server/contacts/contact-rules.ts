import type { ContactField, PreferredChannel } from "@/generated/prisma/enums";

/** How long the code sent to a new address is valid. */
export const CONTACT_CODE_TTL_MS = 10 * 60 * 1000;
/** Wrong codes allowed: the last one voids the change. */
export const CONTACT_CODE_ATTEMPTS_MAX = 5;

export const CONTACT_CHANGE_NOT_FOUND = "La modifica dei contatti indicata non esiste o non è accessibile.";
export const CONTACTS_GESTIONE_NOT_FOUND = "I contatti indicati non esistono o non sono accessibili.";

/** The address fields of a profile, by the field name of the forms. */
export const ADDRESS_FIELDS = {
  email: "EMAIL",
  pec: "PEC",
  mobile: "MOBILE",
  landline: "LANDLINE",
  fax: "FAX",
} as const satisfies Record<string, ContactField>;

export type AddressName = keyof typeof ADDRESS_FIELDS;
export type ContactValues = Record<AddressName, string | null>;

/** A new value of these reaches the person only once they have typed the code sent to it. */
export const VERIFIED_FIELDS: ReadonlySet<ContactField> = new Set(["EMAIL", "PEC", "MOBILE"]);

/** The address a preferred channel needs. */
export const channelAddress: Record<PreferredChannel, AddressName> = { EMAIL: "email", PEC: "pec", SMS: "mobile" };

export const contactFieldLabels: Record<ContactField, string> = {
  EMAIL: "E-mail",
  PEC: "PEC",
  MOBILE: "Cellulare",
  LANDLINE: "Telefono fisso",
  FAX: "Fax",
  PREFERRED_CHANNEL: "Canale preferito",
  HOLDER_NOTICES: "Avvisi sulle operazioni dei delegati",
};

export const preferredChannelLabels: Record<PreferredChannel, string> = { EMAIL: "E-mail", PEC: "PEC", SMS: "SMS" };
