import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";

/**
 * The outcome of a form of the subject-tree pages, carried across the
 * redirect that follows every post (decision 0007).
 */

export const SUBJECTS_PATH = "/admin/argomenti";
export const subjectForms = ["nuovo", "modifica", "stato", "importazione"] as const;
export type SubjectForm = (typeof subjectForms)[number];
export type Flash = FormFlash<SubjectForm>;

export const { pageFlash, redirectWithFlash } = formFlashFamily<SubjectForm>({
  cookieName: "cb.admin.argomenti",
  path: SUBJECTS_PATH,
  isForm: (value): value is SubjectForm => (subjectForms as readonly string[]).includes(value),
});

/** The flash of this form, if the last post was refused here. */
export const refusedAt = (flash: Flash | null, form: SubjectForm): Flash | null =>
  flash?.form === form && flash.tone === "danger" ? flash : null;
