import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";
import { QUESTIONNAIRES_PAGE } from "@/server/admin/questionnaire-schemas";

/** The outcome of the questionnaire campaigns' forms across their redirect (decision 0007). */

/** `nuovo` for a new campaign, `questionario-<id>` for a campaign's change, `periodo-<id>` to open or close it. */
export type CampaignsForm = "nuovo" | `questionario-${string}` | `periodo-${string}`;
export type Flash = FormFlash<CampaignsForm>;

export const { pageFlash, redirectWithFlash } = formFlashFamily<CampaignsForm>({
  cookieName: "cb.admin.questionari",
  path: QUESTIONNAIRES_PAGE,
  isForm: (value): value is CampaignsForm => value === "nuovo" || value.startsWith("questionario-") || value.startsWith("periodo-"),
});
