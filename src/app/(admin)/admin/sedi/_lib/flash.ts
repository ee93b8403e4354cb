import "server-only";
import { formFlashFamily, type FormFlash } from "@/app/_lib/form-flash";

/** The outcome of the offices', settings' and agenda defaults' forms across their redirect (decision 0007). */

export const OFFICES_PATH = "/admin/sedi";
export const SETTINGS_PATH = "/admin/impostazioni";
export const AGENDA_DEFAULTS_PATH = "/admin/agenda";

/** `sede-nuova`, `sede-<id>` for an office, `competenza` for a move, `gestione-<GESTIONE>` for settings, `agenda` for its defaults. */
export type AdminOfficesForm = "sede-nuova" | "competenza" | "agenda" | `sede-${string}` | `gestione-${string}`;
export type Flash = FormFlash<AdminOfficesForm>;

export const { pageFlash, redirectWithFlash } = formFlashFamily<AdminOfficesForm>({
  cookieName: "cb.admin.sedi",
  path: "/admin",
  isForm: (value): value is AdminOfficesForm =>
    value === "competenza" || value === "agenda" || value.startsWith("sede-") || value.startsWith("gestione-"),
});
