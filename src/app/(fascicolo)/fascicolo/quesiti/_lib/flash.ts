import "server-only";
import {
  createFlashCookie,
  readFormFlash,
  refusedFormFlash,
  type FlashCookie,
  type FlashSettings,
  type FormFlash,
} from "@/app/_lib/form-flash";
import type { DomainError } from "@/server/errors/domain-errors";
import type { TransitionAction } from "@/server/requests/lifecycle";

/** The outcome of the quesito pages' forms across their redirect (src/app/_lib/form-flash.ts). */

export { FLASH_PARAM } from "@/app/_lib/form-flash";
export const FLASH_COOKIE = "cb.fascicolo.esito";

export const quesitoForms = [
  "presa",
  "riassegna-operatore",
  "riassegna-sede",
  "stato",
  "nota",
  "chiusura",
  "risposta",
] as const;
export type QuesitoForm = (typeof quesitoForms)[number];

/** The lifecycle action behind each form: the form is on the page only while the action is allowed. */
export const formActions: Record<QuesitoForm, TransitionAction> = {
  presa: "PRESA_IN_CARICO",
  "riassegna-operatore": "RIASSEGNATA",
  "riassegna-sede": "RIASSEGNATA",
  stato: "STATO_MODIFICATO",
  nota: "NOTA_INTERNA",
  chiusura: "CHIUSA",
  risposta: "RISPOSTA",
};

const settings: FlashSettings<QuesitoForm> = {
  cookieName: FLASH_COOKIE,
  path: "/fascicolo/quesiti",
  isForm: (value): value is QuesitoForm => (quesitoForms as readonly string[]).includes(value),
};

export type Flash = FormFlash<QuesitoForm>;

export const flashCookie = (flash: Flash): FlashCookie => createFlashCookie(settings, flash);

export const failureFlash = (error: DomainError, form: QuesitoForm, values: Record<string, string>): Flash =>
  refusedFormFlash(error, form, values);

export const readFlash = (cookieValue: string | undefined, token: string | undefined): Flash | null =>
  readFormFlash(settings, cookieValue, token);

/** The text fields of a posted form, without the hidden version and Next's own fields. */
export function typedValues(entries: Iterable<[string, FormDataEntryValue | string]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value === "string" && name !== "expectedVersion" && !name.startsWith("$")) values[name] = value;
  }
  return values;
}
