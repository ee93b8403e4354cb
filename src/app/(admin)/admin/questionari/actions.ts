"use server";

import { flashLocation, OUTCOME_NOTICE_ID } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { createQuestionnaireCampaign } from "@/server/admin/create-questionnaire-campaign";
import { QUESTIONNAIRES_PAGE } from "@/server/admin/questionnaire-schemas";
import { switchQuestionnaireCampaign } from "@/server/admin/switch-questionnaire-campaign";
import { updateQuestionnaireCampaign } from "@/server/admin/update-questionnaire-campaign";
import type { OperatorActor } from "@/server/identity/actor";
import { requireOperator } from "@/server/identity/session";
import { redirectWithFlash, type CampaignsForm } from "./_lib/flash";

const campaignPath = (slug: string) => `${QUESTIONNAIRES_PAGE}/${encodeURIComponent(slug)}`;

/** One form of the campaigns' pages: the ADMIN's service through runFormAction, back to `page` when refused, to the campaign when done. */
function run(
  page: string,
  form: CampaignsForm,
  values: Record<string, string>,
  service: (actor: OperatorActor) => Promise<{ slug: string }>,
  message: string,
): Promise<never> {
  return runFormAction({
    actor: () => requireOperator(page),
    page,
    form,
    values,
    service,
    success: () => ({ message }),
    flash: { redirectWithFlash },
    location: (token, { flash, result }) =>
      flash.tone === "success" && result
        ? flashLocation(campaignPath(result.slug), token, OUTCOME_NOTICE_ID)
        : flashLocation(page, token, form),
  });
}

export async function createCampaignAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(`${QUESTIONNAIRES_PAGE}/nuovo`, "nuovo", values, (actor) => createQuestionnaireCampaign(actor, values), "Questionario creato.");
}

export async function updateCampaignAction(slug: string, formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    campaignPath(slug),
    `questionario-${values.campaignId ?? ""}`,
    values,
    (actor) => updateQuestionnaireCampaign(actor, values),
    "Modifiche salvate.",
  );
}

export async function switchCampaignAction(slug: string, formData: FormData): Promise<void> {
  const values = textFields(formData);
  await run(
    campaignPath(slug),
    `periodo-${values.campaignId ?? ""}`,
    values,
    (actor) => switchQuestionnaireCampaign(actor, values),
    values.action === "apri" ? "Questionario aperto da oggi." : "Questionario chiuso: da ora non si può più rispondere.",
  );
}
