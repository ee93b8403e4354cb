"use server";

import { OUTCOME_NOTICE_ID, flashLocation } from "@/app/_lib/form-flash";
import { textFields } from "@/app/_lib/form-data";
import { runFormAction } from "@/app/_lib/http/form-action";
import { requireContributor } from "@/server/identity/session";
import { answerQuestionnaire } from "@/server/questionnaires/answer-questionnaire";
import { dismissQuestionnaireInvitation } from "@/server/questionnaires/dismiss-questionnaire-invitation";
import { rateRequestSubmission } from "@/server/questionnaires/rate-request-submission";
import { INVITATION_FORM, QUESTIONNAIRE_FORM, RATING_FORM, redirectWithFlash } from "./_lib/flash";

/** "Invia le risposte": the answers, anonymous; a refusal comes back at its questions with what was chosen. */
export async function answerQuestionnaireAction(formData: FormData): Promise<void> {
  const { campagna = "", ...values } = textFields(formData);
  const page = `/cassetto/questionario/${encodeURIComponent(campagna)}`;
  await runFormAction({
    actor: () => requireContributor(page),
    page,
    form: QUESTIONNAIRE_FORM,
    values,
    service: (actor) => answerQuestionnaire(actor, { campaign: campagna, values }),
    success: () => ({ message: "Grazie: le tue risposte sono state registrate in forma anonima." }),
    flash: { redirectWithFlash },
    location: (token, { flash }) => flashLocation(page, token, flash.tone === "success" ? OUTCOME_NOTICE_ID : "riepilogo-errori"),
  });
}

/** "Non ora, grazie" on the Cassetto's home: the invitation is not shown again for this campaign. */
export async function dismissInvitationAction(formData: FormData): Promise<void> {
  const { campagna = "" } = textFields(formData);
  await runFormAction({
    actor: () => requireContributor("/cassetto"),
    page: "/cassetto",
    form: INVITATION_FORM,
    values: {},
    service: (actor) => dismissQuestionnaireInvitation(actor, { campaign: campagna }),
    success: () => ({ message: "Invito chiuso: non ti sarà più proposto per questo questionario." }),
    flash: { redirectWithFlash },
    location: (token) => flashLocation("/cassetto", token, OUTCOME_NOTICE_ID),
  });
}

/** The one-question rating on the page of a request just sent. */
export async function rateSubmissionAction(formData: FormData): Promise<void> {
  const { richiesta = "", ...values } = textFields(formData);
  const page = `/cassetto/richieste/${encodeURIComponent(richiesta)}`;
  await runFormAction({
    actor: () => requireContributor(page),
    page,
    form: RATING_FORM,
    values,
    service: (actor) => rateRequestSubmission(actor, { requestId: richiesta, values }),
    success: () => ({ message: "Grazie per la valutazione." }),
    flash: { redirectWithFlash },
    location: (token) => flashLocation(page, token, RATING_FORM),
  });
}
