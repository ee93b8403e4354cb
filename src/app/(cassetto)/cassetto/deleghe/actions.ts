"use server";

import { formatRomeDateTime } from "@/lib/rome-dates";
import { acceptDelegationRequest } from "@/server/delegations/accept-delegation-request";
import { confirmDelegationRequest } from "@/server/delegations/confirm-delegation-request";
import { grantDelegation } from "@/server/delegations/grant-delegation";
import { rejectDelegationRequest } from "@/server/delegations/reject-delegation-request";
import { requestDelegation } from "@/server/delegations/request-delegation";
import { revokeDelegation } from "@/server/delegations/revoke-delegation";
import { formatVerificationCode } from "@/server/delegations/verification-code";
import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import type { ContributorActor } from "@/server/identity/actor";
import { requireContributor } from "@/server/identity/session";
import type { RateLimitName } from "@/server/rate-limit/rate-limits";
import {
  DELEGATIONS_PATH,
  delegationForm,
  GRANT_FORM,
  redirectWithFlash,
  REQUEST_FORM,
  type DelegationForm,
  type Flash,
} from "./_lib/flash";

/**
 * Every form of the delegations page through the one form runner: a refusal
 * is shown at its form with what was typed; a success at the top of the page.
 */
function run<Result>(
  form: DelegationForm,
  values: Record<string, string>,
  service: (actor: ContributorActor) => Promise<Result>,
  success: (result: Result) => Pick<Flash, "message" | "highlight">,
  rateLimit?: RateLimitName,
): Promise<never> {
  return runFormAction({
    actor: () => requireContributor(DELEGATIONS_PATH),
    page: DELEGATIONS_PATH,
    rateLimit,
    form,
    values,
    service,
    success,
    flash: { redirectWithFlash },
    location: (token, { flash }) => flashLocation(DELEGATIONS_PATH, token, flash.tone === "success" ? OUTCOME_NOTICE_ID : form),
  });
}

export async function revokeAction(formData: FormData): Promise<void> {
  const { delegationId = "", reason = "" } = textFields(formData);
  await run(
    delegationForm("revoca", delegationId),
    { reason },
    (actor) => revokeDelegation(actor, { delegationId, reason }),
    () => ({ message: "Delega revocata: il delegato non può più operare sulle posizioni indicate." }),
  );
}

export async function grantAction(formData: FormData): Promise<void> {
  const { delegateCodiceFiscale = "", kind = "", validTo = "" } = textFields(formData);
  const input = { delegateCodiceFiscale, kind, validTo };
  const positionIds = formData.getAll("positionIds").filter((value) => typeof value === "string");
  await run(
    GRANT_FORM,
    { ...input, positionIds: positionIds.join(",") },
    (actor) => grantDelegation(actor, { ...input, positionIds }),
    () => ({ message: "Delega conferita: il delegato può operare da subito sulle posizioni indicate." }),
  );
}

export async function requestAction(formData: FormData): Promise<void> {
  const { holderCodiceFiscale = "", kind = "", matricole = "", validTo = "" } = textFields(formData);
  const input = { holderCodiceFiscale, kind, matricole, validTo };
  await run(
    REQUEST_FORM,
    input,
    (actor) => requestDelegation(actor, input),
    () => ({
      message:
        "Richiesta di delega inviata. Quando il titolare l'avrà accettata ti comunicherà un codice di verifica, da inserire in questa pagina.",
    }),
    "delegations",
  );
}

export async function acceptAction(formData: FormData): Promise<void> {
  const { delegationId = "" } = textFields(formData);
  await run(
    delegationForm("accetta", delegationId),
    {},
    (actor) => acceptDelegationRequest(actor, { delegationId }),
    ({ code, expiresAt }) => ({
      message: `Richiesta accettata. Comunica al delegato questo codice di verifica, valido fino al ${formatRomeDateTime(expiresAt)}: la delega sarà attiva quando lo avrà inserito. Il codice non sarà mostrato di nuovo; se lo perdi puoi generarne uno nuovo.`,
      highlight: formatVerificationCode(code),
    }),
    "delegations",
  );
}

export async function rejectAction(formData: FormData): Promise<void> {
  const { delegationId = "", reason = "" } = textFields(formData);
  await run(
    delegationForm("rifiuta", delegationId),
    { reason },
    (actor) => rejectDelegationRequest(actor, { delegationId, reason }),
    () => ({ message: "Richiesta di delega rifiutata." }),
  );
}

export async function confirmAction(formData: FormData): Promise<void> {
  const { delegationId = "", code = "" } = textFields(formData);
  await run(
    delegationForm("conferma", delegationId),
    { code },
    (actor) => confirmDelegationRequest(actor, { delegationId, code }),
    () => ({ message: "Codice corretto: la delega è attiva. Per operare sulle posizioni usa il profilo corrispondente alla delega." }),
    "delegations",
  );
}
