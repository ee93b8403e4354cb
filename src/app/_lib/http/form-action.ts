import "server-only";
import { headers } from "next/headers";
import type { FormFlash, FormFlashFamily } from "@/app/_lib/form-flash";
import { refusedFormFlash } from "@/app/_lib/form-flash";
import type { DraftScope } from "@/server/drafts/form-drafts";
import { saveFormDraft } from "@/server/drafts/save-form-draft";
import { DomainError } from "@/server/errors/domain-errors";
import type { Actor } from "@/server/identity/actor";
import type { RateLimitName } from "@/server/rate-limit/rate-limits";
import { callerOf, countRequest } from "./caller";

export type FormActionSpec<A extends Actor, Result, Form extends string> = {
  /** The signed-in actor, or a redirect to sign in (requireContributor, requireOperator). */
  actor: () => Promise<A>;
  /** The page the form is on: where the actor signs in back to, and the target of security events. */
  page: string;
  rateLimit?: RateLimitName;
  /** The form, and what was typed in it: shown again at the form with a refusal. */
  form: Form;
  values: Record<string, string>;
  /**
   * Keeps a refused form's values in a draft of the actor for this scope, the
   * flash naming it, instead of in the cookie, which drops long texts (decision 0022).
   */
  draft?: DraftScope;
  /** Exactly one service call, with the fields the action parsed. */
  service: (actor: A) => Promise<Result>;
  success: (result: Result) => Pick<FormFlash<Form>, "message" | "highlight">;
  /** The page family's flash cookie (decision 0007). */
  flash: Pick<FormFlashFamily<Form>, "redirectWithFlash">;
  /** Where the browser goes next, naming the outcome's `token`. */
  location: (token: string, outcome: { flash: FormFlash<Form>; result?: Result }) => string;
};

/**
 * A refused form's flash naming the draft that keeps its values; the flash as
 * it is when no draft may be kept (a record out of the actor's reach).
 */
async function keptInDraft<Form extends string>(actor: Actor, scope: DraftScope, flash: FormFlash<Form>): Promise<FormFlash<Form>> {
  const { values = {}, ...refused } = flash;
  try {
    const draft = await saveFormDraft(actor, { ...scope, values, errors: flash.errors ?? {}, files: [] });
    return { ...refused, draftId: draft.id };
  } catch (error) {
    if (error instanceof DomainError) return flash;
    throw error;
  }
}

/**
 * The one runner of every server action (Next checks their origin itself):
 * resolves the actor, counts the rate limit, calls one service, keeps the
 * outcome for the page — a domain error as its Italian message at the form,
 * with what was typed (in the flash, or in a draft it names) — and
 * redirects (post-redirect-get). Unexpected errors pass through to the error
 * page. Decision 0015.
 */
export async function runFormAction<A extends Actor, Result, Form extends string>(spec: FormActionSpec<A, Result, Form>): Promise<never> {
  const actor = await spec.actor();
  let flash: FormFlash<Form>;
  let result: Result | undefined;
  try {
    if (spec.rateLimit) await countRequest(spec.rateLimit, actor, callerOf(await headers(), spec.page));
    result = await spec.service(actor);
    flash = { tone: "success", ...spec.success(result) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    flash = refusedFormFlash(error, spec.form, spec.values);
    if (spec.draft) flash = await keptInDraft(actor, spec.draft, flash);
  }
  return spec.flash.redirectWithFlash(flash, (token) => spec.location(token, { flash, result }));
}
