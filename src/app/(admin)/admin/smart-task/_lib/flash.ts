import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";
import { SMART_TASK_PAGE } from "@/server/admin/smart-task-schemas";

/** The outcome of the Smart-Task enablement forms across their redirect (decision 0007). */

/** `tipo-<KIND>` for a kind's opening; `gruppo-pilota` for the pilot group. */
export type SmartTaskAdminForm = `tipo-${string}` | "gruppo-pilota";
export type Flash = FormFlash<SmartTaskAdminForm>;

export const kindForm = (kind: string): SmartTaskAdminForm => `tipo-${kind}`;
export const PILOT_GROUP_FORM = "gruppo-pilota";

export const { pageFlash, redirectWithFlash } = formFlashFamily<SmartTaskAdminForm>({
  cookieName: "cb.admin.smart-task",
  path: SMART_TASK_PAGE,
  isForm: (value): value is SmartTaskAdminForm => value === PILOT_GROUP_FORM || value.startsWith("tipo-"),
});
