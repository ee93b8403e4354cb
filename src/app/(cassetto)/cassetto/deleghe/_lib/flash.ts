import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";

/**
 * The outcome of a form on the delegations page, carried across the redirect
 * that follows every post, as the office forms do (decision 0007): an
 * http-only cookie shown only when the address carries its `avviso` token.
 */

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

export type Flash = FormFlash<DelegationForm>;

export const { flashCookie, readFlash, pageFlash, redirectWithFlash } = formFlashFamily<DelegationForm>({
  cookieName: "cb.cassetto.deleghe",
  path: DELEGATIONS_PATH,
  isForm: (value): value is DelegationForm =>
    value === GRANT_FORM || value === REQUEST_FORM || DELEGATION_ACTIONS.some((action) => value.startsWith(`${action}-`)),
});
