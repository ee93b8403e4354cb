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
/** The form (and anchor) of a delegate's request. */
export const REQUEST_FORM = "richiedi";
/** Forms about one delegation: `<action>-<delegation id>`. */
const DELEGATION_ACTIONS = ["revoca", "accetta", "rifiuta", "conferma"] as const;
export type DelegationAction = (typeof DELEGATION_ACTIONS)[number];
/** Forms of the page: the grant, the request, and one per action on each delegation. */
export type DelegationForm = typeof GRANT_FORM | typeof REQUEST_FORM | `${DelegationAction}-${string}`;

export const delegationForm = (action: DelegationAction, delegationId: string): DelegationForm => `${action}-${delegationId}`;

const settings: FlashSettings<DelegationForm> = {
  cookieName: FLASH_COOKIE,
  path: DELEGATIONS_PATH,
  isForm: (value): value is DelegationForm =>
    value === GRANT_FORM || value === REQUEST_FORM || DELEGATION_ACTIONS.some((action) => value.startsWith(`${action}-`)),
};

export type Flash = FormFlash<DelegationForm>;

export const flashCookie = (flash: Flash): FlashCookie => createFlashCookie(settings, flash);

export const failureFlash = (error: DomainError, form: DelegationForm, values: Record<string, string>): Flash =>
  refusedFormFlash(error, form, values);

export const readFlash = (cookieValue: string | undefined, token: string | undefined): Flash | null =>
  readFormFlash(settings, cookieValue, token);
