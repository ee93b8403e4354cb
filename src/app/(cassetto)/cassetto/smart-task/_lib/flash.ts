import "server-only";
import type { SmartTaskKind } from "@/generated/prisma/enums";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";

/** The outcome of a Smart-Task form, carried across the redirect that follows the post (decision 0007). */

export const SMART_TASK_PATH = "/cassetto/smart-task";
/** Each kind's form (and anchor) is named by the kind. */
export type SmartTaskForm = SmartTaskKind;

export type Flash = FormFlash<SmartTaskForm>;

export const { pageFlash, redirectWithFlash } = formFlashFamily<SmartTaskForm>({
  cookieName: "cb.cassetto.smart-task",
  path: SMART_TASK_PATH,
  isForm: (value): value is SmartTaskForm => /^[A-Z_]+$/.test(value),
});
