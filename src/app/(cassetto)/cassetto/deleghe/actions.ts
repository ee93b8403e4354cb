"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { grantDelegation } from "@/server/delegations/grant-delegation";
import { revokeDelegation } from "@/server/delegations/revoke-delegation";
import { DomainError } from "@/server/errors/domain-errors";
import { requireContributor } from "@/server/identity/session";
import { DELEGATIONS_PATH, failureFlash, GRANT_FORM, FLASH_PARAM, flashCookie, type DelegationForm, type Flash } from "./_lib/flash";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * Every form of the delegations page: resolve the actor, call one service,
 * keep the outcome for the page, and redirect (PRG). A refusal is shown at
 * its form with what was typed; a success at the top of the page.
 */
async function run(
  form: DelegationForm,
  values: Record<string, string>,
  service: (actor: Awaited<ReturnType<typeof requireContributor>>) => Promise<unknown>,
  success: string,
): Promise<never> {
  const actor = await requireContributor(DELEGATIONS_PATH);
  let flash: Flash;
  let anchor = "esito-operazione";
  try {
    await service(actor);
    flash = { tone: "success", message: success };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    flash = failureFlash(error, form, values);
    anchor = form;
  }
  const cookie = flashCookie(flash);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  redirect(`${DELEGATIONS_PATH}?${FLASH_PARAM}=${cookie.token}#${anchor}`);
}

export async function revokeAction(formData: FormData): Promise<void> {
  const delegationId = text(formData, "delegationId");
  const reason = text(formData, "reason");
  await run(
    `revoca-${delegationId}`,
    { reason },
    (actor) => revokeDelegation(actor, { delegationId, reason }),
    "Delega revocata: il delegato non può più operare sulle posizioni indicate.",
  );
}

export async function grantAction(formData: FormData): Promise<void> {
  const input = {
    delegateCodiceFiscale: text(formData, "delegateCodiceFiscale"),
    kind: text(formData, "kind"),
    validTo: text(formData, "validTo"),
  };
  const positionIds = formData.getAll("positionIds").filter((value) => typeof value === "string");
  await run(
    GRANT_FORM,
    { ...input, positionIds: positionIds.join(",") },
    (actor) => grantDelegation(actor, { ...input, positionIds }),
    "Delega conferita: il delegato può operare da subito sulle posizioni indicate.",
  );
}
