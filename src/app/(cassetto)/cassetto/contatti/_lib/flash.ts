import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";

/**
 * The outcome of a form on the Contatti page, carried across the redirect
 * that follows every post (decision 0007): an http-only cookie shown only
 * when the address carries its `avviso` token.
 */

export const CONTACTS_PATH = "/cassetto/contatti";
/** The form of one gestione's contacts: `contatti-<gestione>` (a delegate's addresses to verify: `verifica-<gestione>`); of one pending change's code: `codice-<change id>`. */
const CONTACT_FORMS = ["contatti", "codice", "verifica"] as const;
export type ContactsForm = `${(typeof CONTACT_FORMS)[number]}-${string}`;

export const contactsForm = (gestione: string): ContactsForm => `contatti-${gestione}`;
export const verificationForm = (gestione: string): ContactsForm => `verifica-${gestione}`;
export const codeForm = (changeId: string): ContactsForm => `codice-${changeId}`;

export type Flash = FormFlash<ContactsForm>;

export const { flashCookie, readFlash, pageFlash, redirectWithFlash } = formFlashFamily<ContactsForm>({
  cookieName: "cb.cassetto.contatti",
  path: CONTACTS_PATH,
  isForm: (value): value is ContactsForm => CONTACT_FORMS.some((form) => value.startsWith(`${form}-`)),
});
