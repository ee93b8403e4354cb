import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";

/**
 * The outcome of the questionnaire's forms across the redirect that follows
 * them (decision 0007): the questionnaire itself, the rating on a request's
 * page, the invitation on the Cassetto's home.
 */

export const QUESTIONNAIRE_FORM = "questionario";
export const RATING_FORM = "valutazione";
export const INVITATION_FORM = "invito";
export type QuestionnaireForm = typeof QUESTIONNAIRE_FORM | typeof RATING_FORM | typeof INVITATION_FORM;

export type Flash = FormFlash<QuestionnaireForm>;

export const { pageFlash, redirectWithFlash } = formFlashFamily<QuestionnaireForm>({
  cookieName: "cb.cassetto.questionari",
  path: "/cassetto",
  isForm: (value): value is QuestionnaireForm => value === QUESTIONNAIRE_FORM || value === RATING_FORM || value === INVITATION_FORM,
});
