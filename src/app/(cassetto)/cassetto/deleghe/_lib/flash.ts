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

/**
 * The outcome of a form on the delegations page, carried across the redirect
 * that follows every post, as the office forms do (decision 0007): an
 * http-only cookie shown only when the address carries its `avviso` token.
 */

export { FLASH_PARAM } from "@/app/_lib/form-flash";
export const FLASH_COOKIE = "cb.cassetto.deleghe";
export const DELEGATIONS_PATH = "/cassetto/deleghe";
/** The form (and anchor) of the holder's direct grant. */
export const GRANT_FORM = "conferisci";
/** Forms of the page: the grant, and one revocation per delegation (`revoca-<id>`). */
export type DelegationForm = typeof GRANT_FORM | `revoca-${string}`;

const settings: FlashSettings<DelegationForm> = {
  cookieName: FLASH_COOKIE,
  path: DELEGATIONS_PATH,
  isForm: (value): value is DelegationForm => value === GRANT_FORM || value.startsWith("revoca-"),
};

export type Flash = FormFlash<DelegationForm>;

export const flashCookie = (flash: Flash): FlashCookie => createFlashCookie(settings, flash);

export const failureFlash = (error: DomainError, form: DelegationForm, values: Record<string, string>): Flash =>
  refusedFormFlash(error, form, values);

export const readFlash = (cookieValue: string | undefined, token: string | undefined): Flash | null =>
  readFormFlash(settings, cookieValue, token);
