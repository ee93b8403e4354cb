"use server";

import type { SmartTaskKind } from "@/generated/prisma/enums";
import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { requireContributor } from "@/server/identity/session";
import { fileSmartTask } from "@/server/smart-tasks/file-smart-task";
import { redirectWithFlash, SMART_TASK_PATH } from "./_lib/flash";

/** "Invia" on a Smart-Task form: field messages at the form, the protocol number at the top of the page. */
export async function fileSmartTaskAction(formData: FormData): Promise<void> {
  const values = textFields(formData);
  const form = (values.kind ?? "") as SmartTaskKind;
  await runFormAction({
    actor: () => requireContributor(SMART_TASK_PATH),
    page: SMART_TASK_PATH,
    rateLimit: "submissions",
    form,
    values,
    service: (actor) => fileSmartTask(actor, values),
    success: (filed) => ({
      message: `Richiesta inviata con protocollo ${filed.protocolNumber}: il portale la prende in carico ed esegue i controlli. L'esito compare qui sotto e in Le mie richieste.`,
    }),
    flash: { redirectWithFlash },
    location: (token, { flash }) => flashLocation(SMART_TASK_PATH, token, flash.tone === "success" ? OUTCOME_NOTICE_ID : form),
  });
}
